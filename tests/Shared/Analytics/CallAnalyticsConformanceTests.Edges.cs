using static SafeCallLogger.Tests.Analytics.AnalyticsSchedule;

namespace SafeCallLogger.Tests.Analytics;

public abstract partial class CallAnalyticsConformanceTests
{
    [Fact]
    public async Task EveryQuery_NewStorage_EmptyOrZeroRowsAndNoSchemaCreated()
    {
        var store = Store;

        Assert.Empty(await store.GetConversionAsync(CallDimension.Sport));
        Assert.Equal(24, (await store.GetConversionAsync(CallDimension.HourOfDay)).Count(r => r.Calls == 0));
        Assert.Equal(7, (await store.GetResultsAsync(CallDimension.RoiBand)).Count(r => r.Settled == 0));
        Assert.Equal(7, (await store.GetClvAsync(CallDimension.Weekday)).Count(r => r.Values == 0));
        Assert.Empty(await store.GetDailyActivityAsync());
        Assert.Empty(await store.GetLineMovementAsync());
        Assert.Equal(new TimingRow(null, new DurationSummary(0, null, null, null), new DurationSummary(0, null, null, null)), Assert.Single(await store.GetTimingAsync()));
        Assert.Empty(await store.GetUserPreferencesAsync(CallDimension.Sport));
        Assert.Equal(Enumerable.Range(1, 7).Select(d => new RetentionRow(d, 0, 0, 0)), await store.GetRetentionAsync());
        Assert.False(StorageHasTables(), "a query created tables");
    }

    [Fact]
    public async Task Queries_TestCallsOfMlTest_LeftOutEverywhere()
    {
        var store = await F
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
        var store = await F.Call("one", Utc(6, 1, 12), notified: 3, oddsA: Odds.FromAmerican(-110), oddsB: Odds.FromAmerican(+105)).WriteAsync();

        Assert.Equal([new ConversionRow("bet365", 1, 0, 3, 0), new ConversionRow("pinnacle", 1, 0, 3, 0)], await store.GetConversionAsync(CallDimension.Bookmaker));
        Assert.Equal([new DailyActivityRow(new DateOnly(2026, 6, 1), 1, 0, 3, 0, 0, 0)], await store.GetDailyActivityAsync());
        Assert.Empty(await store.GetResultsAsync(CallDimension.Sport));
        Assert.Empty(await store.GetClvAsync(CallDimension.Bookmaker));
        Assert.Equal(0, Assert.Single(await store.GetTimingAsync()).TimeToFirstClick.Count);
    }

    [Fact]
    public async Task Queries_UnknownDimensionOrUntilBeforeSince_ThrowArgumentException()
    {
        var store = Store;

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.GetConversionAsync((CallDimension)99));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.GetDailyActivityAsync(new AnalyticsFilter { Since = Utc(2, 1, 0), Until = Utc(1, 1, 0) }));
    }
}
