using SafeCallLogger.Sqlite.Internal;
using SafeCallLogger.Sqlite.Tests.Support;
using SafeCallLogger.Tests.Analytics;
using static SafeCallLogger.Tests.Analytics.AnalyticsSchedule;

namespace SafeCallLogger.Sqlite.Tests.Analytics;

/// <summary>
/// The shared analytics suite and the SQLite-only cases through the single methods, which ask the one-pass reads one
/// question each, as <see cref="SqliteCallStore.AnswerAsync"/> asks them many (<see cref="SqliteAnswerTogetherTests"/>).
/// </summary>
public sealed class SqliteAnalyticsTests : SqliteAnalyticsSuite
{
    protected override ICallAnalytics Answering(SqliteCallStore store) => store;
}

/// <summary>
/// The same on a file whose text is UTF-16, which the one-pass merge does not read: every question through its own
/// statement (the SQL docs/ANALYTICS.md gives), so the statements answer the same hand-computed suite.
/// </summary>
public sealed class SqliteAnalyticsUtf16Tests : SqliteAnalyticsSuite
{
    public SqliteAnalyticsUtf16Tests()
    {
        // The encoding is fixed when the first table is made; the file is then empty again, as every test expects.
        Execute("PRAGMA encoding = 'UTF-16le'; CREATE TABLE fix_encoding (x); DROP TABLE fix_encoding;");
    }

    protected override ICallAnalytics Answering(SqliteCallStore store) => store;
}

/// <summary>
/// The shared analytics suite on a real SQLite file written by <see cref="SqliteCallSink"/>, and what only SQLite has:
/// files of schema version 1 and the time forms other writers stored as text or numbers.
/// </summary>
public abstract class SqliteAnalyticsSuite : CallAnalyticsConformanceTests
{
    private readonly TempDatabase _db = new();

    protected override ICallAnalytics Store => Answering(new SqliteCallStore(_db.ConnectionString));

    /// <summary>How the tests ask <paramref name="store"/>.</summary>
    protected abstract ICallAnalytics Answering(SqliteCallStore store);

    /// <summary>Runs <paramref name="sql"/> on the test's file.</summary>
    protected void Execute(string sql) => _db.Execute(sql);

    [Fact]
    public async Task EveryQuery_Version1FileWithoutPerUserTables_ReadsTheCalls()
    {
        _db.Execute(SqliteSchema.Version1(new TableNames("arbitrage_calls")) + """
            INSERT INTO arbitrage_calls (call_id, call_type, sport, team_a, team_b, bookmaker_a, bookmaker_b, odds_a, odds_b, roi_percent, alert_sent_at, expires_at, total_users_notified, alert_clicked_count)
            VALUES ('old1', 'arbitrage', 'soccer_epl', 'A', 'B', 'bet365', 'unibet', 2.1, 2.0, 2.4, '2026-03-01 10:00:00', '2026-03-01 10:05:00', 12, 1);
            """);
        var store = Store;

        Assert.Equal([new ConversionRow("soccer_epl", 1, 1, 12, 0)], await store.GetConversionAsync(CallDimension.Sport));
        Assert.Equal(TimeSpan.FromMinutes(5), Assert.Single(await store.GetTimingAsync()).Lifetime.Median);
        Assert.Empty(await store.GetUserPreferencesAsync(CallDimension.Sport));
        Assert.All(await store.GetRetentionAsync(), r => Assert.Equal(0, r.Cohort));
    }

    [Fact]
    public async Task Queries_OtherWritersTimeForms_CountedByTimeAndFilteredByTime()
    {
        // One canonical row from the sink; the others as our old versions, the sqlite3 shell, and numeric writers stored them.
        await F.Call("now", Utc(1, 14, 10)).WriteAsync();
        _db.Execute("""
            INSERT INTO arbitrage_calls (call_id, call_type, sport, team_a, team_b, bookmaker_a, bookmaker_b, odds_a, odds_b, roi_percent, alert_sent_at, total_users_notified)
            VALUES ('legacy', 'arbitrage', 'x', 'A', 'B', 'b1', 'b2', 2.1, 2.0, 1, '2026-01-10T23:30:00.000Z', 1),
                   ('shell', 'arbitrage', 'x', 'A', 'B', 'b1', 'b2', 2.1, 2.0, 1, '2026-01-11 10:00:00', 1),
                   ('epoch', 'arbitrage', 'x', 'A', 'B', 'b1', 'b2', 2.1, 2.0, 1, 1768212000, 1),
                   ('julian', 'arbitrage', 'x', 'A', 'B', 'b1', 'b2', 2.1, 2.0, 1, 2461053.9166666665, 1);
            """);
        var store = Store;

        var days = await store.GetDailyActivityAsync(new AnalyticsFilter { TimeZone = Paris });
        var ranged = await store.GetDailyActivityAsync(new AnalyticsFilter { Since = Utc(1, 11, 0), Until = Utc(1, 13, 10) });
        var sinceOnly = await store.GetConversionAsync(CallDimension.Sport, new AnalyticsFilter { Since = Utc(1, 13, 10) });

        Assert.Equal([new DateOnly(2026, 1, 11), new DateOnly(2026, 1, 12), new DateOnly(2026, 1, 13), new DateOnly(2026, 1, 14)], days.Select(d => d.Day));
        Assert.Equal([2L, 1, 1, 1], days.Select(d => d.Calls));
        Assert.Equal([new DateOnly(2026, 1, 11), new DateOnly(2026, 1, 12)], ranged.Select(d => d.Day));
        Assert.Equal([new ConversionRow("basketball_nba", 1, 0, 10, 0), new ConversionRow("x", 1, 0, 1, 0)], sinceOnly);
    }

    protected override async Task WriteThroughSinkAsync(IReadOnlyList<CallOperation> operations)
    {
        await using var sink = new SqliteCallSink(_db.ConnectionString, timeProvider: new FakeTimeProvider(WrittenAt));
        await sink.WriteAsync(operations, CancellationToken.None);
    }

    protected override bool StorageHasTables() => _db.Count("SELECT COUNT(*) FROM sqlite_master") > 0;

    protected override void Dispose(bool disposing)
    {
        _db.Dispose();
        base.Dispose(disposing);
    }
}
