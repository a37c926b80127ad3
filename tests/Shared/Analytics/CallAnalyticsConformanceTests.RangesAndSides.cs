using static SafeCallLogger.Tests.Analytics.AnalyticsSchedule;

namespace SafeCallLogger.Tests.Analytics;

public abstract partial class CallAnalyticsConformanceTests
{
    // g0 a second before the range, g1 on its first instant, g2 inside, g3 on its end (excluded). Each: NBA,
    // bet365/pinnacle, user 1 notified and clicking a minute later, won +5 on a stake of 100 (announced ROI 2.5),
    // closed at 2.0/2.0 (CLV +5 and +2.5), lines fast, alive 10 minutes.
    private Task<ICallAnalytics> SeedRangeAsync()
    {
        foreach (var (id, at) in (ReadOnlySpan<(string, DateTimeOffset)>)[("g0", Utc(7, 1, 9, 59, 59)), ("g1", Utc(7, 1, 10)), ("g2", Utc(7, 1, 11, 59)), ("g3", Utc(7, 1, 12))])
        {
            F.Call(id, at, users: [1], lifetime: TimeSpan.FromMinutes(10))
                .Click(id, 1, at.AddMinutes(1))
                .Result(id, CallOutcome.AWon, 5)
                .Closing(id, 2.0, 2.0, LineMovementSpeed.Fast);
        }

        return F.WriteAsync();
    }

    private static AnalyticsFilter Range { get; } = new() { Since = Utc(7, 1, 10), Until = Utc(7, 1, 12) };

    [Fact]
    public async Task EveryQuery_TimeRange_SinceIncludedUntilExcluded()
    {
        var store = await SeedRangeAsync();

        Assert.Equal([new ConversionRow("basketball_nba", 2, 2, 2, 2)], await store.GetConversionAsync(CallDimension.Sport, Range));
        Assert.Equal([new DailyActivityRow(new DateOnly(2026, 7, 1), 2, 2, 2, 2, 2, 10)], await store.GetDailyActivityAsync(Range));
        Assert.Equal([new ResultsRow("basketball_nba", 2, 2, 0, 10, 200, 5, 2.5)], await store.GetResultsAsync(CallDimension.Sport, Range));
        var clv = Assert.Single(await store.GetClvAsync(CallDimension.Sport, Range));
        Assert.Equal(4, clv.Values);
        Assert.Equal(3.75, clv.MeanPercent, 9);
        Assert.Equal(3.75, clv.MedianPercent, 9);
        Assert.Equal([new LineMovementRow("bet365", 2, 0, 0), new LineMovementRow("pinnacle", 2, 0, 0)], await store.GetLineMovementAsync(Range));
        var timing = Assert.Single(await store.GetTimingAsync(filter: Range));
        Assert.Equal(new DurationSummary(2, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10)), timing.Lifetime);
        Assert.Equal(new DurationSummary(2, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)), timing.TimeToFirstClick);
        Assert.Equal([new UserPreferenceRow(1, "basketball_nba", 2, 2)], await store.GetUserPreferencesAsync(CallDimension.Sport, filter: Range));
        Assert.Equal(4, (await store.GetConversionAsync(CallDimension.Sport)).Single().Calls);
    }

    [Fact]
    public async Task GetRetentionAsync_Since_OnlyTheRangesCallsMakeCohorts()
    {
        // u1 first clicks on the 1st (before the range), then on the 2nd and 3rd: from the 2nd on, the 2nd is the first day.
        var store = await F
            .Call("h1", Utc(8, 1, 10), users: [1]).Call("h2", Utc(8, 2, 10), users: [1]).Call("h3", Utc(8, 3, 10), users: [1])
            .Click("h1", 1, Utc(8, 1, 10, 1)).Click("h2", 1, Utc(8, 2, 10, 1)).Click("h3", 1, Utc(8, 3, 10, 1))
            .WriteAsync();

        var all = await store.GetRetentionAsync();
        var since = await store.GetRetentionAsync(new AnalyticsFilter { Since = Utc(8, 2, 0) });

        Assert.Equal([new RetentionRow(1, 1, 1, 1), new RetentionRow(2, 1, 1, 1), new RetentionRow(3, 0, 0, 0)], all.Take(3));
        Assert.Equal([new RetentionRow(1, 1, 1, 1), new RetentionRow(2, 0, 0, 0)], since.Take(2));
    }

    [Fact]
    public async Task GetTimingAsync_ByBookmaker_SameBookOnBothSidesCountsOnce()
    {
        var store = await F
            .Call("b1", Utc(9, 1, 10), lifetime: TimeSpan.FromMinutes(10))
            .Call("b2", Utc(9, 1, 11), bookB: "bet365", lifetime: TimeSpan.FromMinutes(20))
            .WriteAsync();

        var rows = await store.GetTimingAsync(CallDimension.Bookmaker);

        Assert.Equal(["bet365", "pinnacle"], rows.Select(r => r.Key));
        Assert.Equal(new DurationSummary(2, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(20)), rows[0].Lifetime);
        Assert.Equal(new DurationSummary(1, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10)), rows[1].Lifetime);
    }

    [Fact]
    public async Task GetUserPreferencesAsync_ByHourInParis_TheZonesHoursInKeyOrder()
    {
        var store = await F
            .Call("q1", Utc(1, 11, 9), users: [1]).Call("q2", Utc(1, 10, 23, 30), users: [1, 2])
            .Click("q2", 1, Utc(1, 10, 23, 31))
            .WriteAsync();

        var rows = await store.GetUserPreferencesAsync(CallDimension.HourOfDay, filter: new AnalyticsFilter { TimeZone = Paris });

        Assert.Equal([new UserPreferenceRow(1, "00", 1, 1), new UserPreferenceRow(1, "10", 1, 0), new UserPreferenceRow(2, "00", 1, 0)], rows);
    }
}
