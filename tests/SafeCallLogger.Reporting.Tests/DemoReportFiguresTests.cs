using SafeCallLogger.Reporting.Tests.Support;

namespace SafeCallLogger.Reporting.Tests;

/// <summary>The page written for the demo database (read as XML, before any browser) against the SQLite store's own analytics rows.</summary>
[Collection(DemoReportCollection.Name)]
public sealed class DemoReportFiguresTests(DemoReport demo)
{
    [Fact]
    public async Task WriteAsync_DemoDatabase_EveryChartDrawsTheSqliteAnalyticsRows()
    {
        var expected = await ExpectedCharts.FromAsync(demo.Store);

        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), demo.Page.ChartNames.Order(StringComparer.Ordinal));
        foreach (var (chart, values) in expected)
        {
            Assert.Equal(values, demo.Page.Chart(chart));
        }
    }

    [Fact]
    public async Task WriteAsync_DemoDatabase_TablesListTheRowsBehindEachChart()
    {
        var sports = await demo.Store.GetConversionAsync(CallDimension.Sport);

        var rows = demo.Page.Section("conversion-by-sport").Descendants().Where(e => e.Name.LocalName == "tbody").Single().Elements().ToList();

        Assert.Equal(sports.Count, rows.Count);
        Assert.Equal(sports.Select(s => s.Key), rows.Select(r => r.Elements().First().Value));
        Assert.Equal(sports.Select(s => s.Calls.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture)), rows.Select(r => r.Elements().ElementAt(1).Value));
    }
}
