using System.Globalization;
using SafeCallLogger.Reporting.Tests.Support;

namespace SafeCallLogger.Reporting.Tests;

public sealed class HtmlReportTests
{
    private static readonly string[] SectionIds =
    [
        "conversion-by-sport", "conversion-by-bookmaker", "conversion-by-bookmaker-pair", "conversion-by-roi-band",
        "conversion-by-hour", "conversion-by-weekday", "conversion-by-call-type", "conversion-by-market", "daily",
        "results-by-bookmaker", "results-by-sport", "results-by-call-type", "clv-by-bookmaker", "clv-by-sport",
        "line-movement", "timing", "users", "retention",
    ];

    [Fact]
    public async Task WriteAsync_EmptyStore_EverySectionRendersNoDataInsteadOfAChart()
    {
        var page = await ReportPage.WriteAsync(new FakeAnalytics(), new FakeAnalytics());

        Assert.Equal(SectionIds, page.SectionIds);
        Assert.All(SectionIds, id => Assert.True(page.IsEmpty(id), id + " should say there is no data"));
        Assert.Empty(page.ChartNames);
        Assert.Equal(SectionIds.Length, CountOf(page.Html, "No data in this range"));
        Assert.DoesNotContain("NaN", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", page.Html, StringComparison.Ordinal);
        Assert.Equal(0, page.Total("calls"));
        Assert.Equal(0, page.Total("conversion"));
    }

    [Fact]
    public async Task WriteAsync_ScriptInBookmakerAndSportNames_IsEncodedAndReadsBackVerbatim()
    {
        const string Evil = "<script>alert('x')</script>&\"";
        var analytics = new FakeAnalytics();
        analytics.Conversion[CallDimension.Bookmaker] = [new ConversionRow(Evil, 3, 1, 30, 6)];
        analytics.LineMovement = [new LineMovementRow(Evil, 1, 2, 3)];
        analytics.Results[CallDimension.Sport] = [new ResultsRow(Evil, 2, 1, 1, 5, 200, 2.5, 3)];
        analytics.Preferences[CallDimension.Sport] = [new UserPreferenceRow(7, Evil, 4, 1)];

        var page = await ReportPage.WriteAsync(analytics, analytics);

        Assert.DoesNotContain("<script", page.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", page.Html, StringComparison.Ordinal);
        Assert.Equal(Evil, page.Chart("conversion-by-bookmaker").Single().Key);
        Assert.All(page.Chart("line-movement-by-bookmaker"), drawn => Assert.Equal(Evil, drawn.Key));
        Assert.Equal(Evil, page.Chart("profit-by-sport").Single().Key);
        Assert.Contains(page.Elements("td"), td => td.Value.StartsWith(Evil, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WriteAsync_ConversionRows_ChartDrawsEachRowsRateAndTableItsCounts()
    {
        var analytics = new FakeAnalytics();
        analytics.Conversion[CallDimension.Sport] = [new ConversionRow("basketball_nba", 10, 4, 200, 30), new ConversionRow(null, 2, 0, 20, 0)];

        var page = await ReportPage.WriteAsync(analytics, analytics);

        Assert.Equal([new DrawnValue("basketball_nba", null, 0.15), new DrawnValue("(not set)", null, 0)], page.Chart("conversion-by-sport"));
        var cells = page.Section("conversion-by-sport").Descendants().Where(e => e.Name.LocalName == "td").Select(e => e.Value).ToList();
        Assert.Equal(["basketball_nba", "10", "4", "40.0%", "200", "30", "15.0%"], cells.Take(7));
        Assert.False(page.IsEmpty("conversion-by-sport"));
        Assert.True(page.IsEmpty("conversion-by-hour"));
    }

    [Fact]
    public async Task WriteAsync_MoreGroupsThanTheChartDraws_ChartShowsTheFirstTwentyAndTheTableAll()
    {
        var analytics = new FakeAnalytics();
        analytics.Conversion[CallDimension.BookmakerPair] = Enumerable.Range(0, 30).Select(i => new ConversionRow("pair " + i.ToString("00", CultureInfo.InvariantCulture), 100 - i, 1, 10, 1)).ToList();

        var page = await ReportPage.WriteAsync(analytics, analytics);

        Assert.Equal(20, page.Chart("conversion-by-bookmaker-pair").Count);
        Assert.Equal("pair 00", page.Chart("conversion-by-bookmaker-pair")[0].Key);
        Assert.Equal(31, page.Section("conversion-by-bookmaker-pair").Descendants().Count(e => e.Name.LocalName == "tr"));
        Assert.Contains("first 20 of 30", page.Section("conversion-by-bookmaker-pair").Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_EveryQuestionWithRows_ChartsDrawTheRowsFigures()
    {
        var analytics = new FakeAnalytics
        {
            Daily = [new DailyActivityRow(new DateOnly(2026, 11, 30), 5, 7, 50, 6, 3, -12.5), new DailyActivityRow(new DateOnly(2026, 12, 1), 2, 1, 20, 1, 1, 4)],
            LineMovement = [new LineMovementRow("pinnacle", 3, 2, 1)],
            TimingOverall = [new TimingRow(null, new DurationSummary(4, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(8), TimeSpan.FromMinutes(20)), new DurationSummary(2, TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(90)))],
            TimingByCallType = [new TimingRow("arbitrage", new DurationSummary(4, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(8), TimeSpan.FromMinutes(20)), new DurationSummary(0, null, null, null))],
            Retention = Enumerable.Range(1, 7).Select(day => new RetentionRow(day, 10, 8 - day, 4 - (day / 2))).ToList(),
        };
        analytics.Results[CallDimension.Bookmaker] = [new ResultsRow("bet365", 4, 3, 1, 12.5, 400, 3.1, 2.5), new ResultsRow("unibet", 2, 0, 2, -8, 0, null, 2)];
        analytics.Clv[CallDimension.Sport] = [new ClvRow("soccer_epl", 6, 1.25, 1.5, 0.5)];
        analytics.Preferences[CallDimension.Sport] = [new UserPreferenceRow(1, "nba", 10, 4), new UserPreferenceRow(1, "nhl", 5, 0), new UserPreferenceRow(2, "nba", 30, 3)];
        analytics.Preferences[CallDimension.RoiBand] = [new UserPreferenceRow(1, "3-5%", 15, 4)];

        var page = await ReportPage.WriteAsync(analytics, analytics);

        Assert.Equal([5, 2], page.Chart("daily-activity").Where(p => p.Series == "calls").Select(p => p.Value));
        Assert.Equal([7, 1], page.Chart("daily-activity").Where(p => p.Series == "clicks").Select(p => p.Value));
        Assert.Equal([new DrawnValue("2026-11-30", null, -12.5), new DrawnValue("2026-12-01", null, 4)], page.Chart("daily-profit"));
        Assert.Equal([12.5, -8], page.Chart("profit-by-bookmaker").Select(p => p.Value));
        Assert.Equal([new DrawnValue("bet365", null, 12.5 / 400 * 100)], page.Chart("yield-by-bookmaker"));
        Assert.Equal([new DrawnValue("soccer_epl", null, 1.25)], page.Chart("clv-mean-by-sport"));
        Assert.Equal([new DrawnValue("soccer_epl", null, 0.5)], page.Chart("clv-positive-by-sport"));
        Assert.Equal(
            [new DrawnValue("pinnacle", "fast", 3), new DrawnValue("pinnacle", "normal", 2), new DrawnValue("pinnacle", "slow", 1)],
            page.Chart("line-movement-by-bookmaker"));
        Assert.Equal([new DrawnValue("arbitrage", null, 480)], page.Chart("lifetime-by-call-type"));
        Assert.DoesNotContain("first-click-by-call-type", page.ChartNames);
        Assert.Equal([new DrawnValue("2", null, 0.1), new DrawnValue("1", null, 4 / 15.0)], page.Chart("user-click-rate"));
        Assert.Contains("3-5% 26.7% (4/15)", page.Section("users").Value, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(1, 7).Select(day => (8 - day) / 10.0), page.Chart("retention").Where(p => p.Series == "active").Select(p => p.Value));
        Assert.Equal(7, page.Total("calls"));
        Assert.Equal(7 / 70.0, page.Total("conversion"));
        Assert.Equal(-8.5, page.Total("profit"));
        Assert.True(page.IsEmpty("results-by-sport"));
    }

    [Fact]
    public async Task WriteAsync_Header_ShowsFilterRangeZoneAndGeneratedAtFromTheClock()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var filter = new AnalyticsFilter { Since = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), Until = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), TimeZone = zone };
        var analytics = new FakeAnalytics();

        var page = await ReportPage.WriteAsync(analytics, analytics, filter, new HtmlReportOptions { Title = "Bot <A>", TimeProvider = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 30, 0, TimeSpan.Zero)) });

        Assert.Equal("Bot <A>", page.Elements("title").First().Value);
        var meta = string.Join("\n", page.Elements("p").Where(p => (string?)p.Attribute("class") == "meta").Select(p => p.Value));
        Assert.Contains("2026-11-01 01:00 (UTC+01:00)", meta, StringComparison.Ordinal);
        Assert.Contains("2026-12-01 01:00 (UTC+01:00) (exclusive)", meta, StringComparison.Ordinal);
        Assert.Contains("Europe/Paris", meta, StringComparison.Ordinal);
        Assert.Contains("2026-12-01 13:30", meta, StringComparison.Ordinal);
        Assert.All(analytics.Filters, f => Assert.Same(filter, f));
        Assert.Equal(21, analytics.Filters.Count);
    }

    [Fact]
    public async Task WriteAsync_Page_IsSelfContainedAndScalesToThePhone()
    {
        var analytics = new FakeAnalytics();
        analytics.Conversion[CallDimension.Sport] = [new ConversionRow("nba", 1, 1, 1, 1)];

        var page = await ReportPage.WriteAsync(analytics, analytics);

        var html = page.Html.Replace("xmlns=\"http://www.w3.org/2000/svg\"", string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(page.Elements("meta"), m => (string?)m.Attribute("name") == "viewport");
        Assert.All(page.Elements("svg"), svg => Assert.Equal("100%", (string?)svg.Attribute("width")));
        Assert.All(page.Elements("svg"), svg => Assert.NotNull(svg.Attribute("viewBox")));
        Assert.All(page.Elements("table"), table => Assert.Equal("table-wrap", (string?)table.Parent!.Attribute("class")));
    }

    [Fact]
    public async Task WriteAsync_AnotherCurrentCulture_WritesInvariantNumbers()
    {
        var analytics = new FakeAnalytics();
        analytics.Conversion[CallDimension.Sport] = [new ConversionRow("nba", 3, 1, 3, 1)];
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
        try
        {
            var page = await ReportPage.WriteAsync(analytics, analytics);

            Assert.Equal(1 / 3.0, page.Chart("conversion-by-sport").Single().Value);
            Assert.Contains("data-value=\"0.3333333333333333\"", page.Html, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public async Task WriteAsync_InvalidOptions_ThrowsNamingEverySettingAndWritesNothing()
    {
        var analytics = new FakeAnalytics();
        using var stream = new MemoryStream();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => HtmlReport.WriteAsync(analytics, analytics, null, stream, new HtmlReportOptions { Title = " ", TopUsers = 0 }, CancellationToken.None));

        Assert.Contains("Title", error.Message, StringComparison.Ordinal);
        Assert.Contains("TopUsers", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, stream.Length);
    }

    [Fact]
    public async Task WriteAsync_NullArguments_Throw()
    {
        var analytics = new FakeAnalytics();
        using var stream = new MemoryStream();

        await Assert.ThrowsAsync<ArgumentNullException>(() => HtmlReport.WriteAsync(null!, analytics, null, stream));
        await Assert.ThrowsAsync<ArgumentNullException>(() => HtmlReport.WriteAsync(analytics, null!, null, stream));
        await Assert.ThrowsAsync<ArgumentNullException>(() => HtmlReport.WriteAsync(analytics, analytics, null, null!));
    }

    [Fact]
    public async Task WriteAsync_QueryFails_ThrowsAndWritesNothing()
    {
        var analytics = new FailingAnalytics();
        using var stream = new MemoryStream();

        await Assert.ThrowsAsync<InvalidOperationException>(() => HtmlReport.WriteAsync(analytics, analytics, null, stream));

        Assert.Equal(0, stream.Length);
    }

    [Fact]
    public async Task WriteAsync_Defaults_LeavesTheStreamOpenAndWritesUtf8WithoutBom()
    {
        var analytics = new FakeAnalytics();
        using var stream = new MemoryStream();

        await HtmlReport.WriteAsync(analytics, analytics, null, stream);

        Assert.True(stream.CanWrite);
        Assert.Equal((byte)'<', stream.ToArray()[0]);
        Assert.Contains("<title>SafeCallLogger report</title>", System.Text.Encoding.UTF8.GetString(stream.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public void Options_Defaults()
    {
        var options = new HtmlReportOptions();

        Assert.Equal("SafeCallLogger report", options.Title);
        Assert.Same(TimeProvider.System, options.TimeProvider);
        Assert.Equal(20, options.TopUsers);
    }

    private static int CountOf(string text, string value) => (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;
}
