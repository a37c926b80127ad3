using System.Globalization;
using System.Text;
using System.Xml.Linq;
using SafeCallLogger.Reporting.Charts;
using SafeCallLogger.Reporting.Tests.Support;

namespace SafeCallLogger.Reporting.Tests.Charts;

public sealed class ChartBuilderTests
{
    private static readonly XNamespace SvgNs = "http://www.w3.org/2000/svg";

    [Fact]
    public void BarChart_PositiveAndNegative_DrawsEachBarFromTheZeroLineWithItsDataAttributes()
    {
        var svg = Render(html => BarChart.Write(html, "profit", "Profit", [new ChartBar("a", "a", 10, "+10"), new ChartBar("b", "b", -5, "-5")], v => v.ToString(CultureInfo.InvariantCulture)));

        Assert.Equal("profit", (string?)svg.Attribute("data-chart"));
        Assert.Equal([new DrawnValue("a", null, 10), new DrawnValue("b", null, -5)], ReportPage.Drawn(svg));
        var bars = svg.Descendants(SvgNs + "rect").ToList();
        var zero = X(bars[0]);
        Assert.Equal(zero, X(bars[1]) + Width(bars[1]), 1);
        Assert.Contains("neg", (string?)bars[1].Attribute("class"), StringComparison.Ordinal);
        Assert.Equal(2 * Width(bars[1]), Width(bars[0]), 1);
        Assert.Equal("a: +10", bars[0].Element(SvgNs + "title")!.Value);
    }

    [Fact]
    public void BarChart_LongLabel_IsShortenedOnTheAxisAndKeptWholeInTheKeyAndTooltip()
    {
        var name = new string('x', 40);
        var svg = Render(html => BarChart.Write(html, "c", "C", [new ChartBar(name, name, 1, "1")], v => "t"));

        Assert.Equal(name, ReportPage.Drawn(svg).Single().Key);
        Assert.Contains(svg.Descendants(SvgNs + "text"), t => t.Value == new string('x', 16) + "…");
        Assert.StartsWith(name, svg.Descendants(SvgNs + "rect").Single().Element(SvgNs + "title")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void ColumnChart_TwentyFourHours_DrawsEveryColumnAndLabelsEveryThird()
    {
        var bars = Enumerable.Range(0, 24).Select(h => new ChartBar(h.ToString("00", CultureInfo.InvariantCulture), h.ToString("00", CultureInfo.InvariantCulture), h, "x")).ToList();

        var svg = Render(html => ColumnChart.Write(html, "hours", "Hours", bars, v => "t"));

        Assert.Equal(24, ReportPage.Drawn(svg).Count);
        var labels = svg.Descendants(SvgNs + "text").Where(t => (string?)t.Attribute("class") == "tick" && t.Value != "t").Select(t => t.Value).ToList();
        Assert.Equal(Enumerable.Range(0, 8).Select(i => (3 * i).ToString("00", CultureInfo.InvariantCulture)), labels);
    }

    [Fact]
    public void StackedBarChart_ThreeSeries_DrawsOneSegmentPerSeriesSideBySide()
    {
        var svg = Render(html => StackedBarChart.Write(html, "moves", "Moves", ["pinnacle", "bet365"], [new ChartSeries("fast", [3, 0]), new ChartSeries("normal", [1, 2]), new ChartSeries("slow", [0, 4])]));

        var drawn = ReportPage.Drawn(svg);
        Assert.Equal(6, drawn.Count);
        Assert.Equal([3, 1, 0], drawn.Where(d => d.Key == "pinnacle").Select(d => d.Value));
        Assert.Equal(["fast", "normal", "slow"], drawn.Where(d => d.Key == "bet365").Select(d => d.Series));
        var segments = svg.Descendants(SvgNs + "rect").Where(r => r.Attribute("data-key") is not null).ToList();
        Assert.Equal(X(segments[0]) + Width(segments[0]), X(segments[1]), 1);
        Assert.Equal(Width(segments[0]), 3 * Width(segments[1]), 1);
    }

    [Fact]
    public void LineChart_OneKey_DrawsItsPointsInTheMiddle()
    {
        var svg = Render(html => LineChart.Write(html, "days", "Days", ["2026-12-01"], [new ChartSeries("calls", [4]), new ChartSeries("clicks", [2])], v => "t"));

        var points = svg.Descendants(SvgNs + "circle").ToList();
        Assert.Equal(2, points.Count);
        Assert.All(points, p => Assert.InRange(double.Parse((string)p.Attribute("cx")!, CultureInfo.InvariantCulture), Svg.Width * 0.45, Svg.Width * 0.55));
        Assert.Equal([new DrawnValue("2026-12-01", "calls", 4), new DrawnValue("2026-12-01", "clicks", 2)], ReportPage.Drawn(svg));
    }

    [Fact]
    public void Charts_NonFiniteValue_AreDrawnAsZeroNeverNaN()
    {
        var html = new StringBuilder();
        BarChart.Write(html, "c", "C", [new ChartBar("a", "a", double.NaN, "x")], v => "t");
        LineChart.Write(html, "l", "L", ["a", "b"], [new ChartSeries("s", [double.PositiveInfinity, 1])], v => "t");

        Assert.DoesNotContain("NaN", html.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", html.ToString(), StringComparison.Ordinal);
    }

    private static XElement Render(Action<StringBuilder> write)
    {
        var html = new StringBuilder();
        write(html);
        return XElement.Parse(html.ToString());
    }

    private static double X(XElement rect) => double.Parse((string)rect.Attribute("x")!, CultureInfo.InvariantCulture);

    private static double Width(XElement rect) => double.Parse((string)rect.Attribute("width")!, CultureInfo.InvariantCulture);
}
