using Microsoft.Data.Sqlite;
using SafeCallLogger.Storage;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// Schema step 5, the indexes the analytics queries (<see cref="ICallAnalytics"/>) need: the per-user tables by user
/// and time, so retention reads each user's days from the index alone instead of one lookup per row (they replace the
/// step-2 indexes by user alone, a prefix of them: no more work per write); and a partial index of the <c>/ml_test</c>
/// calls, so the per-user queries leave them out without scanning the calls. Only indexes; idempotent.
/// </summary>
internal static class AnalyticsIndexesStep
{
    public static string Sql(TableNames t) => $"""
        CREATE INDEX IF NOT EXISTS {t.Index("notified_user_time")} ON {t.NotifiedUsers} (user_id, notified_at);
        CREATE INDEX IF NOT EXISTS {t.Index("click_user_time")} ON {t.Clicks} (user_id, first_clicked_at);
        DROP INDEX IF EXISTS {t.Index("notified_user")};
        DROP INDEX IF EXISTS {t.Index("click_user")};
        CREATE INDEX IF NOT EXISTS {t.Index("test_calls")} ON {t.Calls} (call_id) WHERE data_source = '{StoreSelfTest.DataSource}';
        """;

    /// <summary>Applies the step inside the caller's (immediate) transaction. Throws on failure.</summary>
    public static void Apply(SqliteConnection connection, SqliteTransaction transaction, TableNames t) =>
        SqliteSchema.Execute(connection, transaction, Sql(t));
}
