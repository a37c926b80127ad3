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
            Discard(connection);
            throw;
        }
    }

    /// <summary>
    /// Closes a connection that failed to open or to be prepared, without handing it back to the pool: a pooled
    /// connection keeps the file it opened (a corrupt one, or one since moved aside or deleted), and the next open
    /// would get that file instead of the one at the path.
    /// </summary>
    public static void Discard(SqliteConnection connection)
    {
        SqliteConnection.ClearPool(connection);
        connection.Dispose();
    }

    /// <summary>
    /// The connection string with a relative <c>Data Source</c> made absolute against <see cref="AppContext.BaseDirectory"/>:
    /// under a service manager the working directory is <c>/</c> (or System32), not the application's folder. In-memory
    /// databases, <c>file:</c> URIs and <c>|DataDirectory|</c> paths are left as they are. Throws
    /// <see cref="ArgumentException"/> for a malformed connection string.
    /// </summary>
    public static string ResolveDataSource(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var source = builder.DataSource;
        if (IsMemory(builder) || Path.IsPathRooted(source) || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || source.StartsWith('|'))
        {
            return connectionString;
        }

        builder.DataSource = Path.GetFullPath(source, AppContext.BaseDirectory);
        return builder.ToString();
    }

    /// <summary>The database file of a connection string already resolved by <see cref="ResolveDataSource"/>, or <see langword="null"/> for an in-memory database.</summary>
    public static string? DataSourcePath(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        return IsMemory(builder) ? null : Path.GetFullPath(builder.DataSource, AppContext.BaseDirectory);
    }

    private static bool IsMemory(SqliteConnectionStringBuilder builder) =>
        builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:";
}
