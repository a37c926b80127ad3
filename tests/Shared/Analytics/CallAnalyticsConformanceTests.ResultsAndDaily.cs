using static SafeCallLogger.Tests.Analytics.AnalyticsSchedule;

namespace SafeCallLogger.Tests.Analytics;

public abstract partial class CallAnalyticsConformanceTests
{
    // r1 NBA stake 100 won +5 (announced ROI 2); r2 NBA stake 50 lost -50 (ROI 4); r3 NBA unknown (not settled);
    // r4 soccer push, profit 0, no stake (ROI 1); r5 soccer no result at all; r6 NBA won but no profit given.
    // American odds on r1 must change nothing.
    private Task<ICallAnalytics> SeedResultsAsync() => F
        .Call("r1", Utc(2, 1, 22, 30), roi: 2, stake: 100, oddsA: Odds.FromAmerican(+250), oddsB: Odds.FromAmerican(-300))
        .Call("r2", Utc(2, 1, 12), roi: 4, stake: 50, notified: 3)
        .Call("r3", Utc(2, 2, 12), roi: 3)
        .Call("r4", Utc(2, 2, 13), sport: "soccer_epl", roi: 1, stake: null)
        .Call("r5", Utc(2, 3, 13), sport: "soccer_epl")
        .Call("r6", Utc(2, 3, 15), roi: 9)
        .Click("r1", 1, Utc(2, 1, 22, 31)).Click("r1", 1, Utc(2, 1, 22, 32)).Click("r2", null, Utc(2, 1, 12, 1))
        .Result("r1", CallOutcome.AWon, 5).Result("r2", CallOutcome.BWon, -50).Result("r3", CallOutcome.Unknown, 7)
        .Result("r4", CallOutcome.Push, 0).Result("r6", CallOutcome.AWon, null)
        .WriteAsync();

    [Fact]
    public async Task GetResultsAsync_BySport_OnlySettledCallsWithProfit()
    {
        var store = await SeedResultsAsync();

        var rows = await store.GetResultsAsync(CallDimension.Sport);

        Assert.Equal(2, rows.Count);
        Assert.Equal(new ResultsRow("basketball_nba", 2, 1, 1, -45, 150, (5.0 - 100.0) / 2, 3), rows[0]);
        Assert.Equal(-30.0, rows[0].YieldPercent);
        Assert.Equal(new ResultsRow("soccer_epl", 1, 0, 0, 0, 0, null, 1), rows[1]);
        Assert.Null(rows[1].YieldPercent);
    }

    [Fact]
    public async Task GetResultsAsync_ByRoiBand_EmptyBandsHaveNoMeans()
    {
        var store = await SeedResultsAsync();

        var rows = await store.GetResultsAsync(CallDimension.RoiBand);

        Assert.Equal(7, rows.Count);
        Assert.Equal(new ResultsRow("<0%", 0, 0, 0, 0, 0, null, null), rows[0]);
        Assert.Equal(1, rows[2].Settled);
        Assert.Equal(1, rows[3].Settled);
        Assert.Equal(1, rows[4].Settled);
    }

    [Fact]
    public async Task GetResultsAsync_NoResults_NoRows()
    {
        var store = await F.Call("x", Utc(2, 1, 1)).WriteAsync();

        Assert.Empty(await store.GetResultsAsync(CallDimension.Bookmaker));
    }

    [Fact]
    public async Task GetDailyActivityAsync_Paris_DaysOfTheZoneOldestFirst()
    {
        var store = await SeedResultsAsync();

        var rows = await store.GetDailyActivityAsync(new AnalyticsFilter { TimeZone = Paris });

        // r1 at 22:30 UTC is 23:30 in Paris: still 1 February.
        Assert.Equal(
            [
                new DailyActivityRow(new DateOnly(2026, 2, 1), 2, 3, 13, 2, 2, -45),
                new DailyActivityRow(new DateOnly(2026, 2, 2), 2, 0, 20, 0, 1, 0),
                new DailyActivityRow(new DateOnly(2026, 2, 3), 2, 0, 20, 0, 1, 0),
            ],
            rows);
    }

    [Fact]
    public async Task GetDailyActivityAsync_Tokyo_LateCallMovesToTheNextDay()
    {
        var store = await SeedResultsAsync();
        // r1 (22:30 UTC) is 07:30 on 2 February in Tokyo, r6 (15:00 UTC on the 3rd) midnight on the 4th.
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

        var rows = await store.GetDailyActivityAsync(new AnalyticsFilter { TimeZone = tokyo });

        Assert.Equal([new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 2), new DateOnly(2026, 2, 3), new DateOnly(2026, 2, 4)], rows.Select(r => r.Day));
        Assert.Equal([1L, 3, 1, 1], rows.Select(r => r.Calls));
    }
}
