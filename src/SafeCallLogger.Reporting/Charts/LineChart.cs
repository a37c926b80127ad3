using System.Text;
using SafeCallLogger.Reporting.Html;

namespace SafeCallLogger.Reporting.Charts;

/// <summary>
/// A line chart of one or more series over ordered keys (days, D1 to D7): a polyline per series and a point per
/// value carrying <c>data-key</c>, <c>data-series</c> and <c>data-value</c>, a y axis with round ticks, a legend.
/// </summary>
internal static class LineChart
{
    private const double Height = 240;
    private const double Left = 44;
    private const double Right = 12;
    private const double Top = 30;
    private const double Bottom = 26;

    public static void Write(StringBuilder html, string chart, string title, IReadOnlyList<string> keys, IReadOnlyList<ChartSeries> series, Func<double, string> axisFormat, Func<string, string>? axisLabel = null)
    {
        Svg.Open(html, chart, title, Height);
        Svg.Legend(html, series, 16);
        var plotBottom = Height - Bottom;
        var scale = new Scale(series.SelectMany(s => s.Values), plotBottom, Top);
        foreach (var tick in scale.Ticks())
        {
            var y = scale.Map(tick);
            Svg.Line(html, Left, y, Svg.Width - Right, y, tick == 0 ? "axis" : "grid");
            Svg.Text(html, Left - 4, y + 4, axisFormat(tick), "end", "tick");
        }

        // One key sits in the middle; more spread from edge to edge of the plot.
        var span = Svg.Width - Left - Right;
        double X(int i) => keys.Count == 1 ? Left + (span / 2) : Left + (i * span / (keys.Count - 1));

        var every = Svg.LabelEvery(keys.Count, 7);
        for (var i = 0; i < keys.Count; i += every)
        {
            Svg.Text(html, X(i), Height - 8, axisLabel is null ? keys[i] : axisLabel(keys[i]), "middle", "tick");
        }

        var radius = keys.Count > 60 ? 1.5 : 3;
        for (var s = 0; s < series.Count; s++)
        {
            var css = "s" + Svg.SeriesClass(s).ToString(System.Globalization.CultureInfo.InvariantCulture);
            html.Append("<polyline class=\"line l").Append(Svg.SeriesClass(s)).Append("\" points=\"");
            for (var i = 0; i < keys.Count; i++)
            {
                html.Append(i == 0 ? string.Empty : " ").Append(Format.Coord(X(i))).Append(',').Append(Format.Coord(scale.Map(series[s].Values[i])));
            }

            html.Append("\"/>");
            for (var i = 0; i < keys.Count; i++)
            {
                var value = series[s].Values[i];
                html.Append("<circle class=\"").Append(css).Append("\" cx=\"").Append(Format.Coord(X(i)))
                    .Append("\" cy=\"").Append(Format.Coord(scale.Map(value))).Append("\" r=\"").Append(Format.Coord(radius)).Append('"');
                Svg.DataAttributes(html, keys[i], value, series[s].Name);
                html.Append('>');
                Svg.Tooltip(html, keys[i] + ", " + series[s].Name + ": " + axisFormat(value));
                html.Append("</circle>");
            }
        }

        Svg.Close(html);
    }
}
