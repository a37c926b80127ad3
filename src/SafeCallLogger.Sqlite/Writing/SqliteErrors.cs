using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// Classifies failures of the write path, in one place: an outage (storage locked, missing, read-only, full, broken),
/// retried with the whole batch, or a record storage refuses for what it holds, set aside on its first failure.
/// </summary>
internal static class SqliteErrors
{
    // Primary result codes (https://www.sqlite.org/rescode.html); extended codes keep these in their low byte.
    private const int Busy = 5;
    private const int Locked = 6;
    private const int Interrupt = 9;
    private const int TooBig = 18;
    private const int Constraint = 19;
    private const int Mismatch = 20;

    /// <summary><see langword="true"/> for SQLITE_BUSY and SQLITE_LOCKED (and their extended codes): another connection holds a lock; retrying may work.</summary>
    public static bool IsBusy(Exception exception) =>
        exception is SqliteException sqlite && (sqlite.SqliteErrorCode & 0xFF) is Busy or Locked;

    /// <summary><see langword="true"/> for SQLITE_INTERRUPT: <c>sqlite3_interrupt</c> stopped the statement (the write's token was cancelled).</summary>
    public static bool IsInterrupt(Exception exception) =>
        exception is SqliteException sqlite && (sqlite.SqliteErrorCode & 0xFF) == Interrupt;

    /// <summary>
    /// <see langword="true"/> when <paramref name="exception"/>, raised while one operation was bound or executed, is
    /// that operation's own fault and would fail the same way on healthy storage: a constraint of the table refuses
    /// the row (NOT NULL, CHECK, UNIQUE, a trigger's RAISE), a value of the wrong type (MISMATCH) or too big (TOOBIG),
    /// or a value that cannot even be turned into a parameter (raw data that is not valid JSON). Everything else
    /// (BUSY, LOCKED, IOERR, CANTOPEN, READONLY, FULL, CORRUPT, NOTADB, PERM, NOMEM, INTERRUPT, …) is an outage.
    /// </summary>
    public static bool IsUnstorable(Exception exception) => exception switch
    {
        SqliteException sqlite => (sqlite.SqliteErrorCode & 0xFF) is Constraint or Mismatch or TooBig,
        JsonException or ArgumentException or FormatException or OverflowException or InvalidCastException => true,
        _ => false,
    };

    /// <summary>What storage said, on one line, for a dead letter and the log.</summary>
    public static string Describe(Exception exception)
    {
        var message = exception is SqliteException sqlite
            ? $"SQLite error {sqlite.SqliteExtendedErrorCode}: {sqlite.Message}"
            : $"{exception.GetType().Name}: {exception.Message}";
        return message.ReplaceLineEndings(" ");
    }
}
