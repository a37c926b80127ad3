using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>Opens connections with the settings every connection of this package uses.</summary>
internal static class SqliteConnections
{
    /// <summary>
    /// Opens a connection with the busy timeout applied both in SQLite (<c>PRAGMA busy_timeout</c>) and as the
    /// command timeout Microsoft.Data.Sqlite uses for its own busy loop.
    /// </summary>
    public static SqliteConnection Open(string connectionString, TimeSpan busyTimeout, bool enableWal)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds)),
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout = " + ((long)busyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            command.ExecuteNonQuery();
            if (enableWal && builder.Mode != SqliteOpenMode.ReadOnly && !IsMemory(builder))
            {
                // WAL lets readers (the sqlite3 shell, a Python job, the stats query) run while the writer writes.
                command.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
                command.ExecuteNonQuery();
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The database file of a connection string, or <see langword="null"/> for an in-memory database.</summary>
    public static string? DataSourcePath(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        return IsMemory(builder) ? null : Path.GetFullPath(builder.DataSource);
    }

    private static bool IsMemory(SqliteConnectionStringBuilder builder) =>
        builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:";
}
