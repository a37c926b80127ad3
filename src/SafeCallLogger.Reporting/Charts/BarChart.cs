using System.Text;
using SafeCallLogger.Reporting.Html;

namespace SafeCallLogger.Reporting.Charts;

/// <summary>
/// A horizontal bar chart, one row per group: the label on the left, the bar from the zero line (left for negative
/// values such as a loss), the figure on the right. Rows read well on a narrow phone screen whatever their count,
/// which columns with rotated labels do not.
/// </summary>
internal static class BarChart
{
    private const double LabelColumn = 112;
    private const double FigureColumn = 64;
    private const double RowHeight = 24;
    private const double BarHeight = 16;
    private const double Top = 8;
    private const double AxisHeight = 20;

    public static void Write(StringBuilder html, string chart, string title, IReadOnlyList<ChartBar> bars, Func<double, string> axisFormat)
    {
        var plotLeft = LabelColumn + 8;
        var plotRight = Svg.Width - FigureColumn - 8;
        var scale = new Scale(bars.Select(bar => bar.Value), plotLeft, plotRight);
        var height = Top + (bars.Count * RowHeight) + AxisHeight + 4;
        Svg.Open(html, chart, title, height);

        var plotBottom = Top + (bars.Count * RowHeight);
        foreach (var tick in scale.Ticks())
        {
            var x = scale.Map(tick);
            Svg.Line(html, x, Top, x, plotBottom, tick == 0 ? "axis" : "grid");
            Svg.Text(html, x, plotBottom + 14, axisFormat(tick), "middle", "tick");
        }

        var zero = scale.Map(0);
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = Top + (i * RowHeight);
            Svg.Text(html, LabelColumn, y + 16, Svg.Shorten(bar.Label, 17), "end", "label");
            var end = scale.Map(bar.Value);
            var x = Math.Min(zero, end);
            html.Append("<rect class=\"bar").Append(bar.Value < 0 ? " neg" : string.Empty).Append("\" x=\"")
                .Append(Format.Coord(x)).Append("\" y=\"").Append(Format.Coord(y + ((RowHeight - BarHeight) / 2)))
                .Append("\" width=\"").Append(Format.Coord(Math.Abs(end - zero))).Append("\" height=\"")
                .Append(Format.Coord(BarHeight)).Append('"');
            Svg.DataAttributes(html, bar.Key, bar.Value);
            html.Append('>');
            Svg.Tooltip(html, bar.Label + ": " + bar.Display);
            html.Append("</rect>");
            Svg.Text(html, Svg.Width - 4, y + 16, bar.Display, "end", "figure");
        }

        Svg.Close(html);
    }
}
