using System.Text;
using SafeCallLogger.Reporting.Html;

namespace SafeCallLogger.Reporting.Charts;

/// <summary>
/// A vertical column chart for an ordered axis (hours, weekdays, days): columns left to right in the keys' order,
/// a y axis with round ticks, and only every n-th key labelled when there are many.
/// </summary>
internal static class ColumnChart
{
    private const double Height = 220;
    private const double Left = 44;
    private const double Right = 8;
    private const double Top = 10;
    private const double Bottom = 26;

    public static void Write(StringBuilder html, string chart, string title, IReadOnlyList<ChartBar> bars, Func<double, string> axisFormat)
    {
        Svg.Open(html, chart, title, Height);
        var plotBottom = Height - Bottom;
        var scale = new Scale(bars.Select(bar => bar.Value), plotBottom, Top);
        foreach (var tick in scale.Ticks())
        {
            var y = scale.Map(tick);
            Svg.Line(html, Left, y, Svg.Width - Right, y, tick == 0 ? "axis" : "grid");
            Svg.Text(html, Left - 4, y + 4, axisFormat(tick), "end", "tick");
        }

        var slot = (Svg.Width - Left - Right) / Math.Max(1, bars.Count);
        var width = Math.Max(1, slot * 0.8);
        var every = Svg.LabelEvery(bars.Count, 8);
        var zero = scale.Map(0);
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var x = Left + (i * slot) + ((slot - width) / 2);
            var end = scale.Map(bar.Value);
            html.Append("<rect class=\"bar").Append(bar.Value < 0 ? " neg" : string.Empty).Append("\" x=\"")
                .Append(Format.Coord(x)).Append("\" y=\"").Append(Format.Coord(Math.Min(zero, end)))
                .Append("\" width=\"").Append(Format.Coord(width)).Append("\" height=\"")
                .Append(Format.Coord(Math.Abs(end - zero))).Append('"');
            Svg.DataAttributes(html, bar.Key, bar.Value);
            html.Append('>');
            Svg.Tooltip(html, bar.Key + ": " + bar.Display);
            html.Append("</rect>");
            if (i % every == 0)
            {
                Svg.Text(html, x + (width / 2), Height - 8, Svg.Shorten(bar.Label, 6), "middle", "tick");
            }
        }

        Svg.Close(html);
    }
}
