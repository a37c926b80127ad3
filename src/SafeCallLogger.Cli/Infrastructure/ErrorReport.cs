using Microsoft.Data.Sqlite;

namespace SafeCallLogger.Cli.Infrastructure;

/// <summary>Turns any exception into an exit code and one line for stderr: an operator reads what is wrong, never a stack trace.</summary>
internal static class ErrorReport
{
    // SQLite's primary result codes (sqlite3.h): the extended code's low byte.
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private const int SqliteCorrupt = 11;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;
    private const int SqliteNotADatabase = 26;

    public static (int ExitCode, string Line) Describe(Exception exception)
    {
        switch (Unwrap(exception))
        {
            case CliException cli:
                return (cli.ExitCode, cli.Message);
            case SqliteException sqlite:
                return Describe(sqlite);
            case System.Data.Common.DbException { SqlState: "55P03" or "40P01" }:
                // PostgreSQL: lock_not_available, deadlock_detected.
                return (ExitCodes.Locked, "the database is locked by another session; try again");
            case System.Data.Common.DbException database:
                return (ExitCodes.Failure, "database error: " + FirstLine(database.Message));
            case OperationCanceledException:
                return (ExitCodes.Failure, "cancelled");
            case ArgumentException argument:
                return (ExitCodes.BadArguments, FirstLine(argument.Message));
            case FileNotFoundException or DirectoryNotFoundException:
                return (ExitCodes.MissingFile, FirstLine(exception.Message));
            case UnauthorizedAccessException or IOException:
                return (ExitCodes.Failure, FirstLine(exception.Message));
            case var other:
                return (ExitCodes.Failure, $"{other.GetType().Name}: {FirstLine(other.Message)}");
        }
    }

    private static (int, string) Describe(SqliteException sqlite) => (sqlite.SqliteErrorCode & 0xFF) switch
    {
        SqliteBusy or SqliteLocked => (ExitCodes.Locked, "the database is locked by another process (busy beyond --busy-timeout); try again, or raise --busy-timeout"),
        SqliteNotADatabase => (ExitCodes.NotADatabase, "not a SafeCallLogger database: the file is not a SQLite database"),
        SqliteCorrupt => (ExitCodes.Failure, "the database file is damaged (SQLite: malformed); run 'safecall doctor' and restore a backup"),
        SqliteCantOpen => (ExitCodes.MissingFile, "cannot open the database file: " + FirstLine(sqlite.Message)),
        SqliteReadOnly => (ExitCodes.Failure, "the database is read-only here: " + FirstLine(sqlite.Message)),
        SqliteFull => (ExitCodes.Failure, "the disk is full: " + FirstLine(sqlite.Message)),
        _ => (ExitCodes.Failure, "SQLite error: " + FirstLine(sqlite.Message)),
    };

    // Task.Run and the stores wrap nothing today, but an AggregateException or a wrapper must not hide the real cause.
    private static Exception Unwrap(Exception exception)
    {
        var current = exception;
        while (true)
        {
            switch (current)
            {
                case AggregateException { InnerExceptions.Count: 1 } aggregate:
                    current = aggregate.InnerExceptions[0];
                    continue;
                case CliException or SqliteException:
                    return current;
                case { InnerException: SqliteException inner }:
                    return inner;
                default:
                    return current;
            }
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.AsSpan().IndexOfAny('\r', '\n');
        return (end < 0 ? message : message[..end]).Trim();
    }
}
