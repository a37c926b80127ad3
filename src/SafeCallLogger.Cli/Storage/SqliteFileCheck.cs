using System.Globalization;
using Microsoft.Data.Sqlite;
using SafeCallLogger.Cli.Infrastructure;

namespace SafeCallLogger.Cli.Storage;

/// <summary>
/// Looks at a SQLite file before any store opens it: the store's exports, retention and self-test create the schema
/// (and SQLite creates the file), so a mistyped path must be caught here, read-only, first.
/// </summary>
internal static class SqliteFileCheck
{
    public const string CallsTable = "arbitrage_calls";

    /// <summary>Returns the full path of a readable SafeCallLogger database, or throws the <see cref="CliException"/> that says why not.</summary>
    public static string Verify(string path, TimeSpan busyTimeout)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw CliException.BadArguments("--db needs a file path");
        }

        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new CliException(ExitCodes.NotADatabase, $"not a SafeCallLogger database: '{full}' is a directory");
        }

        if (!File.Exists(full))
        {
            throw new CliException(ExitCodes.MissingFile, $"database file not found: '{full}' (give the bot's file with --db FILE)");
        }

        using var connection = new SqliteConnection(ReadOnlyConnectionString(full, busyTimeout));
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout = " + ((long)busyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            command.ExecuteNonQuery();
            command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
            command.Parameters.AddWithValue("$name", CallsTable);
            if (Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
            {
                throw new CliException(ExitCodes.NotADatabase, $"not a SafeCallLogger database: '{full}' has no {CallsTable} table");
            }
        }
        catch (SqliteException e) when ((e.SqliteErrorCode & 0xFF) == 26)
        {
            throw new CliException(ExitCodes.NotADatabase, $"not a SafeCallLogger database: '{full}' is not a SQLite file");
        }

        return full;
    }

    /// <summary>The store's connection string: an absolute path, since the store resolves relative ones against the tool's own folder.</summary>
    public static string ConnectionString(string fullPath) => new SqliteConnectionStringBuilder { DataSource = fullPath }.ToString();

    /// <summary>A read-only, unpooled connection string: it can never create the file nor keep a handle after the check.</summary>
    public static string ReadOnlyConnectionString(string fullPath, TimeSpan busyTimeout) => new SqliteConnectionStringBuilder
    {
        DataSource = fullPath,
        Mode = SqliteOpenMode.ReadOnly,
        Pooling = false,
        DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds)),
    }.ToString();
}
