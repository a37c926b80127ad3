using static SafeCallLogger.Tests.Analytics.AnalyticsSchedule;

namespace SafeCallLogger.Tests.Analytics;

public abstract partial class CallAnalyticsConformanceTests
{
    // c1: NBA, bet365/pinnacle, ROI exactly 0 (band 0-1%), 10 notified, users 1 and 2 click (bet 2).
    // c2: NBA, pinnacle/bet365 (the same pair), ROI exactly 3 (band 3-5%), 5 notified, no click.
    // c3: soccer, bet365 on both sides (counted once), ROI -0.5, 4 notified, user 3 clicks twice (bet 1).
    // t1: a /ml_test call with a click: never counted.
    private Task<ICallAnalytics> SeedConversionAsync() => F
        .Call("c1", Utc(1, 10, 23, 30), roi: 0, notified: 10, oddsA: Odds.FromAmerican(+110), oddsB: Odds.FromAmerican(-105))
        .Call("c2", Utc(1, 11, 10), bookA: "pinnacle", bookB: "bet365", roi: 3, notified: 5)
        .Call("c3", Utc(1, 12, 8), sport: "soccer_epl", bookB: "bet365", roi: -0.5, notified: 4, type: CallType.Middle)
        .Call("t1", Utc(1, 12, 9), sport: "ml_test", bookA: "ml_test", bookB: "ml_test", notified: 7, dataSource: "ml_test")
        .Click("c1", 1, Utc(1, 10, 23, 31)).Click("c1", 2, Utc(1, 10, 23, 32))
        .Click("c3", 3, Utc(1, 12, 8, 5)).Click("c3", 3, Utc(1, 12, 8, 6))
        .Click("t1", 4, Utc(1, 12, 9, 1))
        .WriteAsync();

    [Fact]
    public async Task GetConversionAsync_BySport_SumsEachSportMostCallsFirst()
    {
        var store = await SeedConversionAsync();

        var rows = await store.GetConversionAsync(CallDimension.Sport);

        Assert.Equal([new ConversionRow("basketball_nba", 2, 1, 15, 2), new ConversionRow("soccer_epl", 1, 1, 4, 1)], rows);
        Assert.Equal(2.0 / 15, rows[0].ConversionRate, 12);
        Assert.Equal(0.5, rows[0].ClickedCallRate);
    }

    [Fact]
    public async Task GetConversionAsync_ByBookmaker_CountsEitherSideOncePerCall()
    {
        var store = await SeedConversionAsync();

        var rows = await store.GetConversionAsync(CallDimension.Bookmaker);

        Assert.Equal([new ConversionRow("bet365", 3, 2, 19, 3), new ConversionRow("pinnacle", 2, 1, 15, 2)], rows);
    }

    [Fact]
    public async Task GetConversionAsync_ByBookmakerPair_OrdersTheTwoBooksWhateverTheirSides()
    {
        var store = await SeedConversionAsync();

        var rows = await store.GetConversionAsync(CallDimension.BookmakerPair);

        Assert.Equal([new ConversionRow("bet365 / pinnacle", 2, 1, 15, 2), new ConversionRow("bet365 / bet365", 1, 1, 4, 1)], rows);
    }

    [Fact]
    public async Task GetConversionAsync_ByRoiBand_EveryBandInOrderAndEdgesFallInTheBandAbove()
    {
        var store = await SeedConversionAsync();

        var rows = await store.GetConversionAsync(CallDimension.RoiBand);

        Assert.Equal(["<0%", "0-1%", "1-2%", "2-3%", "3-5%", "5-10%", "10%+"], rows.Select(r => r.Key));
        Assert.Equal([1L, 1, 0, 0, 1, 0, 0], rows.Select(r => r.Calls));
        Assert.Equal(new ConversionRow("0-1%", 1, 1, 10, 2), rows[1]);
    }

    [Fact]
    public async Task GetConversionAsync_CustomBands_LabelsFromTheEdges()
    {
        var store = await SeedConversionAsync();

        var rows = await store.GetConversionAsync(CallDimension.RoiBand, new AnalyticsFilter { RoiBands = [0, 2.5] });

        Assert.Equal(["<0%", "0-2.5%", "2.5%+"], rows.Select(r => r.Key));
        Assert.Equal([1L, 1, 1], rows.Select(r => r.Calls));
    }

    [Theory]
    [InlineData(new double[0])]
    [InlineData(new double[] { 1, 1 })]
    [InlineData(new double[] { 2, 1 })]
    [InlineData(new double[] { 0, double.NaN })]
    public async Task GetConversionAsync_BadBandEdges_ThrowsArgumentException(double[] edges)
    {
        var store = await SeedConversionAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.GetConversionAsync(CallDimension.RoiBand, new AnalyticsFilter { RoiBands = edges }));
    }

    [Fact]
    public async Task GetConversionAsync_ByHourInParisInWinter_2330UtcIsMidnightNextDay()
    {
        var store = await SeedConversionAsync();

        var paris = await store.GetConversionAsync(CallDimension.HourOfDay, new AnalyticsFilter { TimeZone = Paris });
        var utc = await store.GetConversionAsync(CallDimension.HourOfDay);

        Assert.Equal(24, paris.Count);
        Assert.Equal(Enumerable.Range(0, 24).Select(h => h.ToString("00", System.Globalization.CultureInfo.InvariantCulture)), paris.Select(r => r.Key));
        Assert.Equal(new ConversionRow("00", 1, 1, 10, 2), paris[0]);
        Assert.Equal(1, paris[11].Calls);
        Assert.Equal(1, paris[9].Calls);
        Assert.Equal(3, paris.Sum(r => r.Calls));
        Assert.Equal(1, utc[23].Calls);
        Assert.Equal(0, utc[0].Calls);
    }

    [Fact]
    public async Task GetConversionAsync_ByWeekday_MondayFirstAndTheZonesDay()
    {
        var store = await SeedConversionAsync();

        var paris = await store.GetConversionAsync(CallDimension.Weekday, new AnalyticsFilter { TimeZone = Paris });
        var utc = await store.GetConversionAsync(CallDimension.Weekday);

        Assert.Equal(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"], paris.Select(r => r.Key));

        // 2026-01-10 is a Saturday: 23:30 UTC is already Sunday in Paris; the 11th is a Sunday, the 12th a Monday.
        Assert.Equal([1L, 0, 0, 0, 0, 0, 2], paris.Select(r => r.Calls));
        Assert.Equal([1L, 0, 0, 0, 0, 1, 1], utc.Select(r => r.Calls));
    }

    [Fact]
    public async Task GetConversionAsync_DaylightSavingDaysInParis_HoursFollowTheZonesRules()
    {
        // Spring: 01:00 UTC on 29 March jumps from 02:00 to 03:00 local. Autumn: 01:00 UTC on 25 October goes back to 02:00.
        var store = await F
            .Call("s1", Utc(3, 29, 0, 45)).Call("s2", Utc(3, 29, 1, 0))
            .Call("a1", Utc(10, 25, 0, 30)).Call("a2", Utc(10, 25, 1, 30))
            .WriteAsync();

        var rows = await store.GetConversionAsync(CallDimension.HourOfDay, new AnalyticsFilter { TimeZone = Paris });

        Assert.Equal(1, rows[1].Calls);
        Assert.Equal(2, rows[2].Calls);
        Assert.Equal(1, rows[3].Calls);
        Assert.Equal(4, rows.Sum(r => r.Calls));
    }

    [Fact]
    public async Task GetConversionAsync_HalfHourZone_QuarterHoursFoldIntoTheRightLocalHour()
    {
        var kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
        var store = await F.Call("k1", Utc(1, 5, 18, 29, 59)).Call("k2", Utc(1, 5, 18, 30)).WriteAsync();

        var rows = await store.GetConversionAsync(CallDimension.HourOfDay, new AnalyticsFilter { TimeZone = kolkata });

        Assert.Equal(1, rows[23].Calls);
        Assert.Equal(1, rows[0].Calls);
    }

    [Fact]
    public async Task GetConversionAsync_ByCallTypeLeagueAndMarket_KeysAsStored()
    {
        var store = await SeedConversionAsync();

        Assert.Equal(["arbitrage", "middle"], (await store.GetConversionAsync(CallDimension.CallType)).Select(r => r.Key));
        Assert.Equal([new ConversionRow("NBA", 3, 2, 19, 3)], await store.GetConversionAsync(CallDimension.League));
        Assert.Equal([new ConversionRow("h2h", 3, 2, 19, 3)], await store.GetConversionAsync(CallDimension.Market));
    }

    [Fact]
    public async Task GetConversionAsync_SportNotSet_NullKeyLastAmongEquals()
    {
        var store = await F.Call("n1", Utc(1, 1, 1), sport: null).Call("n2", Utc(1, 1, 2), sport: "tennis").WriteAsync();

        var rows = await store.GetConversionAsync(CallDimension.Sport);

        Assert.Equal(["tennis", null], rows.Select(r => r.Key));
    }
}
