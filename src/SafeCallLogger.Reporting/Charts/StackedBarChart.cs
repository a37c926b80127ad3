using System.Text;
using SafeCallLogger.Reporting.Html;

namespace SafeCallLogger.Reporting.Charts;

/// <summary>
/// A horizontal stacked bar chart: one row per key, one segment per series (fast / normal / slow), a legend above
/// and the row's total on the right. Each segment carries <c>data-key</c>, <c>data-series</c> and <c>data-value</c>.
/// </summary>
internal static class StackedBarChart
{
    private const double LabelColumn = 112;
    private const double FigureColumn = 40;
    private const double RowHeight = 24;
    private const double BarHeight = 16;
    private const double Top = 28;

    public static void Write(StringBuilder html, string chart, string title, IReadOnlyList<string> keys, IReadOnlyList<ChartSeries> series)
    {
        var totals = keys.Select((_, i) => series.Sum(s => Math.Max(0, s.Values[i]))).ToArray();
        var plotLeft = LabelColumn + 8;
        var plotRight = Svg.Width - FigureColumn - 8;
        var scale = new Scale(totals, plotLeft, plotRight);
        var height = Top + (keys.Count * RowHeight) + 8;
        Svg.Open(html, chart, title, height);
        Svg.Legend(html, series, 16);

        for (var i = 0; i < keys.Count; i++)
        {
            var y = Top + (i * RowHeight);
            Svg.Text(html, LabelColumn, y + 16, Svg.Shorten(keys[i], 17), "end", "label");
            var stacked = 0.0;
            var x = scale.Map(0);
            for (var s = 0; s < series.Count; s++)
            {
                var value = Math.Max(0, series[s].Values[i]);
                stacked += value;
                var end = scale.Map(stacked);
                html.Append("<rect class=\"s").Append(Svg.SeriesClass(s)).Append("\" x=\"").Append(Format.Coord(x))
                    .Append("\" y=\"").Append(Format.Coord(y + ((RowHeight - BarHeight) / 2))).Append("\" width=\"")
                    .Append(Format.Coord(end - x)).Append("\" height=\"").Append(Format.Coord(BarHeight)).Append('"');
                Svg.DataAttributes(html, keys[i], series[s].Values[i], series[s].Name);
                html.Append('>');
                Svg.Tooltip(html, keys[i] + ", " + series[s].Name + ": " + Format.Data(series[s].Values[i]));
                html.Append("</rect>");
                x = end;
            }

            Svg.Text(html, Svg.Width - 4, y + 16, Format.Data(totals[i]), "end", "figure");
        }

        Svg.Close(html);
    }
}
