using SafeCallLogger.Sqlite.Tests.Support;
using static SafeCallLogger.Sqlite.Tests.Support.TestData;

namespace SafeCallLogger.Sqlite.Tests;

public sealed class SqliteStatsTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private readonly ManualTimeProvider _time = new(Start.AddHours(1));

    public void Dispose() => _db.Dispose();

    private static CallLoggerHealth Health(CallLoggerState state = CallLoggerState.Running, long successes = 50, long errors = 0, int depth = 0) => new()
    {
        State = state,
        QueueDepth = depth,
        QueueCapacity = 1000,
        Accepted = 120,
        Rejected = 3,
        RejectedByReason = new Dictionary<RejectionReason, long> { [RejectionReason.InvalidOdds] = 3 },
        Written = 110,
        Pending = 0,
        DroppedQueueFull = 4,
        DroppedDisabled = 0,
        DroppedStopped = 0,
        DroppedOverwritten = 0,
        Quarantined = 1,
        AbandonedAtShutdown = 0,
        Successes = successes,
        Errors = errors,
        ConsecutiveErrors = 0,
    };

    private async Task<SqliteCallStore> SeedAsync()
    {
        await using (var sink = new SqliteCallSink(_db.ConnectionString, timeProvider: _time))
        {
            await sink.WriteAsync(
            [
                Upsert("a1", usersNotified: 10, sport: "basketball_nba"),
                Upsert("a2", usersNotified: 10, sport: "basketball_nba"),
                Upsert("m1", usersNotified: 5, type: CallType.Middle, sport: "soccer_epl"),
                Upsert("g1", usersNotified: 5, type: CallType.GoodEv, sport: null),
                Click("a1", 1), Click("a1", 1), Click("a1", 2), Click("m1"),
                Result("a1", CallOutcome.AWon, 10.5), Result("m1", CallOutcome.Push, -0.5), Result("g1", CallOutcome.Unknown, null),
            ],
            CancellationToken.None);
        }

        return new SqliteCallStore(_db.ConnectionString, timeProvider: _time);
    }

    [Fact]
    public async Task GetStatsAsync_StoredCalls_AggregatesEveryFigure()
    {
        var store = await SeedAsync();

        var stats = await store.GetStatsAsync(Health());

        Assert.Equal(4, stats.TotalCalls);
        Assert.Equal(2, stats.CallsByType["arbitrage"]);
        Assert.Equal(1, stats.CallsByType["middle"]);
        Assert.Equal(1, stats.CallsByType["good_ev"]);
        Assert.Equal(["basketball_nba", "soccer_epl"], stats.SportsCovered);
        Assert.Equal(2, stats.CallsWithClicks);
        Assert.Equal(30, stats.TotalUsersNotified);
        Assert.Equal(3, stats.TotalUsersBet);
        Assert.Equal(10.0, stats.ConversionRatePercent);
        Assert.Equal(2, stats.ResultsKnown);
        Assert.Equal(10.0, stats.TotalProfit);
        Assert.Equal(Start, stats.LastCallAt);
        Assert.True(stats.LoggerEnabled);
        Assert.Equal(100.0, stats.HealthPercent);
        Assert.Equal(120, stats.Accepted);
        Assert.Equal(110, stats.Written);
        Assert.Equal(3, stats.Rejected);
        Assert.Equal(5, stats.Dropped);
        Assert.Equal(0, stats.Failed);
        Assert.Empty(stats.Recommendations);
    }

    [Fact]
    public async Task GetStatsAsync_ProblemsInHealthAndData_RecommendsEachInPlainLanguage()
    {
        var store = await SeedAsync();
        _time.Advance(TimeSpan.FromHours(30));

        var stats = await store.GetStatsAsync(Health(CallLoggerState.Disabled, successes: 40, errors: 60, depth: 900));

        Assert.Equal(4, stats.Recommendations.Count);
        Assert.Contains(stats.Recommendations, r => r.Contains("disabled", StringComparison.Ordinal));
        Assert.Contains(stats.Recommendations, r => r.Contains("last 24 hours", StringComparison.Ordinal));
        Assert.Contains(stats.Recommendations, r => r.Contains("Error rate is high (60%", StringComparison.Ordinal));
        Assert.Contains(stats.Recommendations, r => r.Contains("near full (900 of 1000)", StringComparison.Ordinal));
        Assert.False(stats.LoggerEnabled);
    }

    [Fact]
    public async Task GetStatsAsync_NoDatabaseYetAndNoHealth_ReturnsZerosWithoutCreatingTables()
    {
        var stats = await new SqliteCallStore(_db.ConnectionString, timeProvider: _time).GetStatsAsync();

        Assert.Equal(0, stats.TotalCalls);
        Assert.Null(stats.ConversionRatePercent);
        Assert.Null(stats.LoggerEnabled);
        Assert.Null(stats.LastCallAt);
        Assert.Single(stats.Recommendations);
        Assert.Equal(0L, _db.Count("SELECT COUNT(*) FROM sqlite_master"));
    }

    [Fact]
    public async Task GetStatsAsync_Query_UsesIndexesNotTableScan()
    {
        await SeedAsync();

        var plan = string.Join(" | ", QueryPlan("""
            EXPLAIN QUERY PLAN SELECT call_type, COUNT(*), SUM(alert_clicked_count > 0), SUM(total_users_notified), SUM(total_users_bet),
                   SUM(actual_outcome IS NOT NULL AND actual_outcome <> 'unknown'), TOTAL(actual_profit)
            FROM "arbitrage_calls" GROUP BY call_type
            """));

        Assert.Contains("COVERING INDEX ix_arbitrage_calls_stats", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Format_Stats_RendersTheAdminMessage()
    {
        var store = await SeedAsync();
        var stats = await store.GetStatsAsync(Health());

        var text = CallStatsFormatter.Format(stats);

        Assert.Contains("Status: enabled (Running)", text, StringComparison.Ordinal);
        Assert.Contains("Health: 100% (50 writes ok, 0 failed)", text, StringComparison.Ordinal);
        Assert.Contains("Operations: 120 accepted, 110 written, 3 rejected, 5 dropped", text, StringComparison.Ordinal);
        Assert.Contains("Total calls stored: 4", text, StringComparison.Ordinal);
        Assert.Contains("By type: arbitrage 2", text, StringComparison.Ordinal);
        Assert.Contains("Sports covered: 2 (basketball_nba, soccer_epl)", text, StringComparison.Ordinal);
        Assert.Contains("Calls with clicks: 2", text, StringComparison.Ordinal);
        Assert.Contains("Conversion rate: 10% (3 bets / 30 notified)", text, StringComparison.Ordinal);
        Assert.Contains("Results known: 2, total profit: 10", text, StringComparison.Ordinal);
        Assert.Contains("- No action needed.", text, StringComparison.Ordinal);
    }

    private List<string> QueryPlan(string sql)
    {
        using var connection = _db.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(3));
        }

        return rows;
    }
}
