using Microsoft.Data.Sqlite;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// Schema step 4, at home beside the Python bot: the guide's alias columns (<see cref="AliasColumns"/>)
/// and the conversion of our old timestamps to SQLite's canonical form (<see cref="TimestampUpgrade"/>, registered
/// here, worked off after the sink's batches). Only adds; idempotent, so it may run on every schema check.
/// </summary>
internal static class PythonGuideCompatibilityStep
{
    /// <summary>Applies the step inside the caller's (immediate) transaction. Throws on failure.</summary>
    public static void Apply(SqliteConnection connection, SqliteTransaction transaction, TableNames t)
    {
        AliasColumns.Ensure(connection, transaction, t);
        TimestampUpgrade.Register(connection, transaction, t);
    }
}
