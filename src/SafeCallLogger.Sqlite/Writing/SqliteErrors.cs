using Microsoft.Data.Sqlite;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>Classifies SQLite errors.</summary>
internal static class SqliteErrors
{
    private const int Busy = 5;
    private const int Locked = 6;

    /// <summary><see langword="true"/> for SQLITE_BUSY and SQLITE_LOCKED (and their extended codes): another connection holds a lock; retrying may work.</summary>
    public static bool IsBusy(Exception exception) =>
        exception is SqliteException sqlite && ((sqlite.SqliteErrorCode & 0xFF) is Busy or Locked);
}
