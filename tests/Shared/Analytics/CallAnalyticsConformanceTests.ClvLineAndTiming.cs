using static SafeCallLogger.Tests.Analytics.AnalyticsSchedule;

namespace SafeCallLogger.Tests.Analytics;

public abstract partial class CallAnalyticsConformanceTests
{
    private const int Precision = 9;

    // CLV = (decimal odds taken / closing decimal odds - 1) x 100, per side:
    // v1 NBA  bet365 A 2.2 -> 2.0 (+10), pinnacle B 2.0 -> 2.5 (-20), fast
    // v2 NBA  pinnacle A 2.2 -> 2.2 (0), bet365 B 3.0 -> 2.4 (+25), slow
    // v3 soccer unibet A +150 American (2.5) -> 2.0 (+25), bet365 B -200 American (1.5) -> 1.5 (0), no speed
    // l4 bet365 on both sides, speed "normal" at send, no closing lines
    private Task<ICallAnalytics> SeedClvAsync() => F
        .Call("v1", Utc(3, 1, 10), oddsA: 2.2, oddsB: 2.0)
        .Call("v2", Utc(3, 1, 11), bookA: "pinnacle", bookB: "bet365", oddsA: 2.2, oddsB: 3.0)
        .Call("v3", Utc(3, 1, 12), sport: "soccer_epl", bookA: "unibet", bookB: "bet365", oddsA: Odds.FromAmerican(150), oddsB: Odds.FromAmerican(-200))
        .Call("l4", Utc(3, 1, 13), bookB: "bet365", speed: LineMovementSpeed.Normal)
        .Closing("v1", 2.0, 2.5, LineMovementSpeed.Fast)
        .Closing("v2", 2.2, 2.4, LineMovementSpeed.Slow)
        .Closing("v3", 2.0, 1.5)
        .WriteAsync();

    [Fact]
    public async Task GetClvAsync_ByBookmaker_EachSideUnderItsOwnBook()
    {
        var store = await SeedClvAsync();

        var rows = await store.GetClvAsync(CallDimension.Bookmaker);

        Assert.Equal(["bet365", "pinnacle", "unibet"], rows.Select(r => r.Key));
        Assert.Equal([3L, 2, 1], rows.Select(r => r.Values));
        Assert.Equal(35.0 / 3, rows[0].MeanPercent, Precision);
        Assert.Equal(10, rows[0].MedianPercent, Precision);
        Assert.Equal(2.0 / 3, rows[0].SharePositive, Precision);
        Assert.Equal(-10, rows[1].MeanPercent, Precision);
        Assert.Equal(-10, rows[1].MedianPercent, Precision);
        Assert.Equal(0, rows[1].SharePositive);
        Assert.Equal(25, rows[2].MedianPercent, Precision);
        Assert.Equal(1, rows[2].SharePositive);
    }

    [Fact]
    public async Task GetClvAsync_BySport_BothSidesUnderTheCallsKeyEvenMedianIsTheMiddleMean()
    {
        var store = await SeedClvAsync();

        var rows = await store.GetClvAsync(CallDimension.Sport);

        Assert.Equal(["basketball_nba", "soccer_epl"], rows.Select(r => r.Key));
        Assert.Equal(4, rows[0].Values);
        Assert.Equal(3.75, rows[0].MeanPercent, Precision);
        Assert.Equal(5, rows[0].MedianPercent, Precision);
        Assert.Equal(0.5, rows[0].SharePositive);
        Assert.Equal(12.5, rows[1].MeanPercent, Precision);
        Assert.Equal(12.5, rows[1].MedianPercent, Precision);
    }

    [Fact]
    public async Task GetLineMovementAsync_ByBookmaker_OncePerCallMostRecordedFirst()
    {
        var store = await SeedClvAsync();

        var rows = await store.GetLineMovementAsync();

        Assert.Equal([new LineMovementRow("bet365", 1, 1, 1), new LineMovementRow("pinnacle", 1, 0, 1)], rows);
        Assert.Equal(0.5, rows[1].FastShare);
    }

    // t1 lives 10 min, first click by a known user after 1 min; t2 20 min, 3 min (an anonymous click at 30 s does not
    // count); t3 30 min, no click; t4 (soccer) no expiry, click at 5 min; t5 expires before it was sent: left out.
    private Task<ICallAnalytics> SeedTimingAsync()
    {
        var at = Utc(4, 1, 10);
        return F
            .Call("t1", at, lifetime: TimeSpan.FromMinutes(10))
            .Call("t2", at.AddHours(1), lifetime: TimeSpan.FromMinutes(20))
            .Call("t3", at.AddHours(2), lifetime: TimeSpan.FromMinutes(30))
            .Call("t4", at.AddHours(3), sport: "soccer_epl")
            .Call("t5", at.AddHours(4), lifetime: TimeSpan.FromMinutes(-5))
            .Click("t1", 1, at.AddMinutes(2)).Click("t1", 2, at.AddMinutes(1))
            .Click("t2", null, at.AddHours(1).AddSeconds(30)).Click("t2", 3, at.AddHours(1).AddMinutes(3))
            .Click("t4", 4, at.AddHours(3).AddMinutes(5))
            .WriteAsync();
    }

    [Fact]
    public async Task GetTimingAsync_AllCalls_OneRowWithMeanMedianAndP90()
    {
        var store = await SeedTimingAsync();

        var row = Assert.Single(await store.GetTimingAsync());

        Assert.Null(row.Key);
        Assert.Equal(new DurationSummary(3, TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(30)), row.Lifetime);
        Assert.Equal(new DurationSummary(3, TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(5)), row.TimeToFirstClick);
    }

    [Fact]
    public async Task GetTimingAsync_BySport_GroupsWithoutADurationHaveNoTimes()
    {
        var store = await SeedTimingAsync();

        var rows = await store.GetTimingAsync(CallDimension.Sport);

        Assert.Equal(["basketball_nba", "soccer_epl"], rows.Select(r => r.Key));
        Assert.Equal(new DurationSummary(2, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(3)), rows[0].TimeToFirstClick);
        Assert.Equal(new DurationSummary(0, null, null, null), rows[1].Lifetime);
        Assert.Equal(new DurationSummary(1, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5)), rows[1].TimeToFirstClick);
    }

    [Fact]
    public async Task GetTimingAsync_NoClicks_EmptyTimeToFirstClick()
    {
        var store = await F.Call("q", Utc(4, 1, 10), lifetime: TimeSpan.FromSeconds(90)).WriteAsync();

        var row = Assert.Single(await store.GetTimingAsync());

        Assert.Equal(new DurationSummary(1, TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(90)), row.Lifetime);
        Assert.Equal(new DurationSummary(0, null, null, null), row.TimeToFirstClick);
    }
}
