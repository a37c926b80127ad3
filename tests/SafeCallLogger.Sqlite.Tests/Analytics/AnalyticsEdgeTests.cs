using SafeCallLogger.Sqlite.Internal;
using static SafeCallLogger.Sqlite.Tests.Analytics.AnalyticsFixture;

namespace SafeCallLogger.Sqlite.Tests.Analytics;

public sealed class AnalyticsEdgeTests : IDisposable
{
    private readonly AnalyticsFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task EveryQuery_NewFile_EmptyOrZeroRowsAndNoSchemaCreated()
    {
        var store = _f.Store;

        Assert.Empty(await store.GetConversionAsync(CallDimension.Sport));
        Assert.Equal(24, (await store.GetConversionAsync(CallDimension.HourOfDay)).Count(r => r.Calls == 0));
        Assert.Equal(7, (await store.GetResultsAsync(CallDimension.RoiBand)).Count(r => r.Settled == 0));
        Assert.Equal(7, (await store.GetClvAsync(CallDimension.Weekday)).Count(r => r.Values == 0));
        Assert.Empty(await store.GetDailyActivityAsync());
        Assert.Empty(await store.GetLineMovementAsync());
        Assert.Equal(new TimingRow(null, new DurationSummary(0, null, null, null), new DurationSummary(0, null, null, null)), Assert.Single(await store.GetTimingAsync()));
        Assert.Empty(await store.GetUserPreferencesAsync(CallDimension.Sport));
        Assert.Equal(Enumerable.Range(1, 7).Select(d => new RetentionRow(d, 0, 0, 0)), await store.GetRetentionAsync());
        Assert.Equal(0L, _f.Db.Count("SELECT COUNT(*) FROM sqlite_master"));
    }

    [Fact]
    public async Task EveryQuery_Version1FileWithoutPerUserTables_ReadsTheCalls()
    {
        _f.Db.Execute(SqliteSchema.Version1(new TableNames("arbitrage_calls")) + """
            INSERT INTO arbitrage_calls (call_id, call_type, sport, team_a, team_b, bookmaker_a, bookmaker_b, odds_a, odds_b, roi_percent, alert_sent_at, expires_at, total_users_notified, alert_clicked_count)
            VALUES ('old1', 'arbitrage', 'soccer_epl', 'A', 'B', 'bet365', 'unibet', 2.1, 2.0, 2.4, '2026-03-01 10:00:00', '2026-03-01 10:05:00', 12, 1);
            """);
        var store = _f.Store;

        Assert.Equal([new ConversionRow("soccer_epl", 1, 1, 12, 0)], await store.GetConversionAsync(CallDimension.Sport));
        Assert.Equal(TimeSpan.FromMinutes(5), Assert.Single(await store.GetTimingAsync()).Lifetime.Median);
        Assert.Empty(await store.GetUserPreferencesAsync(CallDimension.Sport));
        Assert.All(await store.GetRetentionAsync(), r => Assert.Equal(0, r.Cohort));
    }

    [Fact]
    public async Task Queries_OtherWritersTimeForms_CountedByTimeAndFilteredByTime()
    {
        // One canonical row from the sink; the others as our old versions, the sqlite3 shell, and numeric writers stored them.
        await _f.Call("now", Utc(1, 14, 10)).WriteAsync();
        _f.Db.Execute("""
            INSERT INTO arbitrage_calls (call_id, call_type, sport, team_a, team_b, bookmaker_a, bookmaker_b, odds_a, odds_b, roi_percent, alert_sent_at, total_users_notified)
            VALUES ('legacy', 'arbitrage', 'x', 'A', 'B', 'b1', 'b2', 2.1, 2.0, 1, '2026-01-10T23:30:00.000Z', 1),
                   ('shell', 'arbitrage', 'x', 'A', 'B', 'b1', 'b2', 2.1, 2.0, 1, '2026-01-11 10:00:00', 1),
                   ('epoch', 'arbitrage', 'x', 'A', 'B', 'b1', 'b2', 2.1, 2.0, 1, 1768212000, 1),
                   ('julian', 'arbitrage', 'x', 'A', 'B', 'b1', 'b2', 2.1, 2.0, 1, 2461053.9166666665, 1);
            """);
        var store = _f.Store;

        var days = await store.GetDailyActivityAsync(new AnalyticsFilter { TimeZone = Paris });
        var ranged = await store.GetDailyActivityAsync(new AnalyticsFilter { Since = Utc(1, 11, 0), Until = Utc(1, 13, 10) });
        var sinceOnly = await store.GetConversionAsync(CallDimension.Sport, new AnalyticsFilter { Since = Utc(1, 13, 10) });

        Assert.Equal([new DateOnly(2026, 1, 11), new DateOnly(2026, 1, 12), new DateOnly(2026, 1, 13), new DateOnly(2026, 1, 14)], days.Select(d => d.Day));
        Assert.Equal([2L, 1, 1, 1], days.Select(d => d.Calls));
        Assert.Equal([new DateOnly(2026, 1, 11), new DateOnly(2026, 1, 12)], ranged.Select(d => d.Day));
        Assert.Equal([new ConversionRow("basketball_nba", 1, 0, 10, 0), new ConversionRow("x", 1, 0, 1, 0)], sinceOnly);
    }

    [Fact]
    public async Task Queries_TestCallsOfMlTest_LeftOutEverywhere()
    {
        var store = await _f
            .Call("t", Utc(1, 1, 10), sport: "ml_test", users: [1], lifetime: TimeSpan.FromMinutes(1), dataSource: "ml_test", speed: LineMovementSpeed.Fast)
            .Click("t", 1, Utc(1, 1, 10, 1)).Result("t", CallOutcome.AWon, 1).Closing("t", 2.0, 2.0)
            .WriteAsync();

        Assert.Empty(await store.GetConversionAsync(CallDimension.Sport));
        Assert.Empty(await store.GetDailyActivityAsync());
        Assert.Empty(await store.GetResultsAsync(CallDimension.Sport));
        Assert.Empty(await store.GetClvAsync(CallDimension.Sport));
        Assert.Empty(await store.GetLineMovementAsync());
        Assert.Equal(0, Assert.Single(await store.GetTimingAsync()).Lifetime.Count);
        Assert.Empty(await store.GetUserPreferencesAsync(CallDimension.Sport));
        Assert.All(await store.GetRetentionAsync(), r => Assert.Equal(0, r.Cohort));
    }

    [Fact]
    public async Task Queries_OneCallNoClicksNoResults_OnlyWhatItHas()
    {
        var store = await _f.Call("one", Utc(6, 1, 12), notified: 3, oddsA: Odds.FromAmerican(-110), oddsB: Odds.FromAmerican(+105)).WriteAsync();

        Assert.Equal([new ConversionRow("bet365", 1, 0, 3, 0), new ConversionRow("pinnacle", 1, 0, 3, 0)], await store.GetConversionAsync(CallDimension.Bookmaker));
        Assert.Equal([new DailyActivityRow(new DateOnly(2026, 6, 1), 1, 0, 3, 0, 0, 0)], await store.GetDailyActivityAsync());
        Assert.Empty(await store.GetResultsAsync(CallDimension.Sport));
        Assert.Empty(await store.GetClvAsync(CallDimension.Bookmaker));
        Assert.Equal(0, Assert.Single(await store.GetTimingAsync()).TimeToFirstClick.Count);
    }

    [Fact]
    public async Task Queries_UnknownDimensionOrUntilBeforeSince_ThrowArgumentException()
    {
        var store = _f.Store;

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.GetConversionAsync((CallDimension)99));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.GetDailyActivityAsync(new AnalyticsFilter { Since = Utc(2, 1, 0), Until = Utc(1, 1, 0) }));
    }
}
