using System.Buffers.Binary;
using System.Globalization;
using SafeCallLogger.Reporting.Tests.Support;

namespace SafeCallLogger.Reporting.Tests.Browser;

/// <summary>
/// The report of the demo database as a person opens it: rendered by headless Chromium, every chart there with the
/// query's figures, and those figures equal to what an operator's own script computes from the CSV export.
/// </summary>
[Collection(DemoReportCollection.Name)]
public sealed class DemoReportBrowserTests(DemoReport demo)
{
    private IReadOnlyDictionary<string, IReadOnlyList<DrawnValue>> Rendered => RenderedDom.Charts(demo.RenderedDom);

    [Fact]
    public async Task RenderedDom_EveryChart_IsPresentWithTheQueryRowsFiguresAndBarCount()
    {
        var expected = await ExpectedCharts.FromAsync(demo.Store);

        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), Rendered.Keys.Order(StringComparer.Ordinal));
        foreach (var (chart, values) in expected)
        {
            Assert.True(values.Count > 0, chart + " has no values on the demo database");
            Assert.Equal(values.Count, Rendered[chart].Count);
            Assert.Equal(values, Rendered[chart]);
        }
    }

    [Fact]
    public async Task RenderedDom_Sections_AreAllThereAndOnlyThoseWithoutDataSaySo()
    {
        var retention = await demo.Store.GetRetentionAsync();
        string[] expectedEmpty = retention.Sum(r => r.Cohort) == 0 ? ["retention"] : [];

        Assert.Equal(demo.Page.SectionIds, RenderedDom.SectionIds(demo.RenderedDom));
        Assert.Equal(18, RenderedDom.SectionIds(demo.RenderedDom).Count);
        Assert.Equal(expectedEmpty, RenderedDom.EmptySectionIds(demo.RenderedDom));
        Assert.DoesNotContain("NaN", demo.RenderedDom, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderedDom_ConversionBySport_EqualsUsersWhoBetPerUserNotifiedFromTheCsv()
    {
        var fromCsv = Calls().GroupBy(c => c["sport"])
            .ToDictionary(g => g.Key, g => (double)g.Sum(c => c.Long("total_users_bet")) / g.Sum(c => c.Long("total_users_notified")));

        var drawn = Rendered["conversion-by-sport"];

        Assert.Equal(fromCsv.Count, drawn.Count);
        Assert.All(drawn, bar => Assert.Equal(fromCsv[bar.Key], bar.Value, 12));
    }

    [Fact]
    public void RenderedDom_CallsAndClicksPerDay_EqualTheCsvCountsPerUtcDay()
    {
        var fromCsv = Calls().GroupBy(c => Sent(c).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();

        var drawn = Rendered["daily-activity"];

        Assert.Equal(fromCsv.Select(g => new DrawnValue(g.Key, "calls", g.Count())), drawn.Where(p => p.Series == "calls"));
        Assert.Equal(fromCsv.Select(g => new DrawnValue(g.Key, "clicks", g.Sum(c => c.Long("alert_clicked_count")))), drawn.Where(p => p.Series == "clicks"));
    }

    [Fact]
    public void RenderedDom_ProfitByBookmaker_EqualsTheCsvProfitOfSettledCallsOnEitherSide()
    {
        var settled = Calls().Where(c => c["actual_outcome"] is not ("" or "unknown") && c.Double("actual_profit") is not null);
        var fromCsv = settled
            .SelectMany(c => new[] { c["bookmaker_a"], c["bookmaker_b"] }.Distinct().Select(book => (Book: book, Profit: c.Double("actual_profit")!.Value)))
            .GroupBy(p => p.Book)
            .ToDictionary(g => g.Key, g => g.Sum(p => p.Profit));

        var drawn = Rendered["profit-by-bookmaker"];

        Assert.Equal(Math.Min(20, fromCsv.Count), drawn.Count);
        Assert.All(drawn, bar => Assert.Equal(fromCsv[bar.Key], bar.Value, 6));
    }

    [Fact]
    public void RenderedDom_LineMovementByBookmaker_EqualsTheCsvSpeedCounts()
    {
        var fromCsv = Calls().Where(c => c["line_movement_speed"] is "fast" or "normal" or "slow")
            .SelectMany(c => new[] { c["bookmaker_a"], c["bookmaker_b"] }.Distinct().Select(book => (Book: book, Speed: c["line_movement_speed"])))
            .GroupBy(p => (p.Book, p.Speed))
            .ToDictionary(g => g.Key, g => (double)g.Count());

        Assert.All(Rendered["line-movement-by-bookmaker"], segment => Assert.Equal(fromCsv.GetValueOrDefault((segment.Key, segment.Series!)), segment.Value));
    }

    [Fact]
    public void RenderedDom_HeaderTotals_EqualTheCsvTotals()
    {
        var calls = Calls();
        var notified = calls.Sum(c => c.Long("total_users_notified"));
        var bet = calls.Sum(c => c.Long("total_users_bet"));

        Assert.Equal(calls.Count, RenderedDom.Total(demo.RenderedDom, "calls"));
        Assert.Equal(notified, RenderedDom.Total(demo.RenderedDom, "users-notified"));
        Assert.Equal(bet, RenderedDom.Total(demo.RenderedDom, "users-bet"));
        Assert.Equal((double)bet / notified, RenderedDom.Total(demo.RenderedDom, "conversion"), 12);
        Assert.Equal(calls.Count(c => c["actual_outcome"] is not ("" or "unknown")), RenderedDom.Total(demo.RenderedDom, "settled"));
        Assert.Equal(calls.Sum(c => c.Double("actual_profit") ?? 0), RenderedDom.Total(demo.RenderedDom, "profit"), 6);
    }

    [Fact]
    public async Task Screenshot_PhoneWidth_IsAPngOfThePhoneWidthWithContent()
    {
        var png = await File.ReadAllBytesAsync(demo.ScreenshotPath);

        Assert.True(png.Length > 20_000, $"the screenshot is only {png.Length} bytes");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        Assert.Equal(DemoReport.PhoneWidth, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(DemoReport.PhoneHeight, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    private List<IReadOnlyDictionary<string, string>> Calls() => CsvCalls.Parse(demo.Csv).ToList();

    private static DateTimeOffset Sent(IReadOnlyDictionary<string, string> call) =>
        DateTimeOffset.Parse(call["alert_sent_at"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
