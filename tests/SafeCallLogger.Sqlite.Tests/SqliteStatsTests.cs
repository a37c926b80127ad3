using SafeCallLogger.Sqlite.Tests.Support;
using static SafeCallLogger.Sqlite.Tests.Support.TestData;

namespace SafeCallLogger.Sqlite.Tests;

public sealed class SqliteStatsTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private readonly FakeTimeProvider _time = new(Start.AddHours(1));

    public void Dispose() => _db.Dispose();

    private static CallLoggerHealth Health(CallLoggerState state = CallLoggerState.Running, long successes = 50, long errors = 0, int depth = 0, int warningDepth = 800) => new()
    {
        State = state,
        QueueDepth = depth,
        QueueCapacity = 1000,
        QueueWarningDepth = warningDepth,
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

    [Theory]
    [InlineData(600, 500, true)] // QueueWarningRatio 0.5: 60 % already calls for advice.
    [InlineData(850, 900, false)] // QueueWarningRatio 0.9: 85 % does not yet.
    public async Task GetStatsAsync_NonDefaultQueueWarningRatio_AdvisesFromTheHealthsWarningDepth(int depth, int warningDepth, bool advised)
    {
        var store = await SeedAsync();

        var stats = await store.GetStatsAsync(Health(depth: depth, warningDepth: warningDepth));
        var text = CallStatsFormatter.Format(stats);

        Assert.Equal(advised, stats.Recommendations.Any(r => r.Contains("near full", StringComparison.Ordinal)));
        Assert.Equal(warningDepth, stats.QueueWarningDepth);
        Assert.Contains($"Queue: {depth} / 1000 (nearly full from {warningDepth})", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStatsAsync_OperationsWaitingInTheJournal_ShownAndExplainedWithoutTheQueueAdvice()
    {
        var store = await SeedAsync();

        var stats = await store.GetStatsAsync(Health(depth: 900) with { JournalMode = JournalMode.Spill, JournalPending = 4_321, JournalBytes = 3 << 20 });
        var text = CallStatsFormatter.Format(stats);

        Assert.Equal(4_321, stats.JournalPending);
        Assert.Contains("Journal: 4321 operations waiting, 3 MiB", text, StringComparison.Ordinal);
        Assert.Contains(stats.Recommendations, r => r.StartsWith("4,321 operations wait in the journal", StringComparison.Ordinal));
        Assert.DoesNotContain(stats.Recommendations, r => r.Contains("queue is near full", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetStatsAsync_EmptyJournal_NotMentioned()
    {
        var store = await SeedAsync();

        var text = CallStatsFormatter.Format(await store.GetStatsAsync(Health() with { JournalMode = JournalMode.Spill }));

        Assert.DoesNotContain("Journal:", text, StringComparison.Ordinal);
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
    public async Task GetStatsAsync_AfterUpdatesDeletesAndOtherWriters_TotalsMatchAFullAggregate()
    {
        var store = await SeedAsync();
        _db.Execute("""
            INSERT INTO arbitrage_calls (call_id, call_type, sport, bookmaker_a, bookmaker_b, odds_a, odds_b, roi_percent, alert_sent_at, total_users_notified, alert_clicked_count, actual_outcome, actual_profit)
                VALUES ('shell', 'middle', 'tennis', 'a', 'b', 2, 2, 1, '2026-03-14T19:00:00.000Z', 7, 1, 'b_won', 2.5);
            UPDATE arbitrage_calls SET call_type = 'good_ev', sport = 'tennis', actual_outcome = 'a_won', actual_profit = 1 WHERE call_id = 'a2';
            DELETE FROM arbitrage_calls WHERE call_id = 'm1';
            """);
        await using (var sink = new SqliteCallSink(_db.ConnectionString, timeProvider: _time))
        {
            await sink.WriteAsync([Click("shell", 4), Click("g1"), Upsert("a1", usersNotified: 3)], CancellationToken.None);
        }

        var stats = await store.GetStatsAsync();

        var expected = _db.Row("""
            SELECT COUNT(*) AS calls, SUM(alert_clicked_count > 0) AS clicked, SUM(total_users_notified) AS notified, SUM(total_users_bet) AS bet,
                   SUM(actual_outcome IS NOT NULL AND actual_outcome <> 'unknown') AS known, TOTAL(actual_profit) AS profit,
                   (SELECT COUNT(*) FROM arbitrage_calls WHERE call_type = 'good_ev') AS good_ev,
                   (SELECT group_concat(sport, ',') FROM (SELECT sport FROM arbitrage_calls WHERE sport IS NOT NULL GROUP BY sport ORDER BY COUNT(*) DESC, sport)) AS sports
            FROM arbitrage_calls
            """);
        Assert.Equal(expected["calls"], stats.TotalCalls);
        Assert.Equal(expected["clicked"], stats.CallsWithClicks);
        Assert.Equal(expected["notified"], stats.TotalUsersNotified);
        Assert.Equal(expected["bet"], stats.TotalUsersBet);
        Assert.Equal(expected["known"], stats.ResultsKnown);
        Assert.Equal((double)expected["profit"]!, stats.TotalProfit, 9);
        Assert.Equal(expected["good_ev"], stats.CallsByType["good_ev"]);
        Assert.Equal(1, stats.CallsByType["middle"]);
        Assert.Equal(1, stats.CallsByType["arbitrage"]);
        Assert.Equal(expected["sports"], string.Join(',', stats.SportsCovered));
    }

    [Fact]
    public async Task GetStatsAsync_Version1FileNotUpgraded_AggregatesTheTableWithoutChangingIt()
    {
        _db.Execute(SafeCallLogger.Sqlite.Internal.SqliteSchema.Version1(new SafeCallLogger.Sqlite.Internal.TableNames("arbitrage_calls")) + """
            INSERT INTO arbitrage_calls (call_id, call_type, sport, bookmaker_a, bookmaker_b, odds_a, odds_b, roi_percent, alert_sent_at, total_users_notified, total_users_bet, alert_clicked_count)
                VALUES ('old', 'arbitrage', 'soccer', 'a', 'b', 2, 2, 1, '2026-03-14 18:00:00', 4, 1, 1);
            """);

        var stats = await new SqliteCallStore(_db.ConnectionString, timeProvider: _time).GetStatsAsync();

        Assert.Equal(1, stats.TotalCalls);
        Assert.Equal(25.0, stats.ConversionRatePercent);
        Assert.Equal(["soccer"], stats.SportsCovered);
        Assert.Equal(0L, _db.Scalar("PRAGMA user_version"));
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
}
