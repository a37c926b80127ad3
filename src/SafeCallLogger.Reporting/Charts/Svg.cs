using System.Text;
using SafeCallLogger.Reporting.Html;

namespace SafeCallLogger.Reporting.Charts;

/// <summary>
/// The parts every chart shares: the <c>&lt;svg&gt;</c> element (a <c>viewBox</c> and no fixed size, so CSS scales it
/// to the screen's width), its accessible title, text, legends and shortened labels. Every string is encoded here.
/// </summary>
internal static class Svg
{
    // Narrow on purpose: a phone shows the chart at about its own size, so 12px text stays readable; CSS caps its
    // width on a desktop screen.
    public const double Width = 420;

    public static void Open(StringBuilder html, string chart, string title, double height)
    {
        html.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ")
            .Append(Format.Coord(Width)).Append(' ').Append(Format.Coord(height))
            .Append("\" width=\"100%\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\" data-chart=\"")
            .Append(HtmlText.Encode(chart)).Append("\" aria-label=\"").Append(HtmlText.Encode(title)).Append("\"><title>")
            .Append(HtmlText.Encode(title)).Append("</title>");
    }

    public static void Close(StringBuilder html) => html.Append("</svg>");

    public static void Text(StringBuilder html, double x, double y, string text, string anchor = "start", string? cssClass = null)
    {
        html.Append("<text x=\"").Append(Format.Coord(x)).Append("\" y=\"").Append(Format.Coord(y))
            .Append("\" text-anchor=\"").Append(anchor).Append('"');
        if (cssClass is not null)
        {
            html.Append(" class=\"").Append(cssClass).Append('"');
        }

        html.Append('>').Append(HtmlText.Encode(text)).Append("</text>");
    }

    public static void Line(StringBuilder html, double x1, double y1, double x2, double y2, string cssClass)
    {
        html.Append("<line x1=\"").Append(Format.Coord(x1)).Append("\" y1=\"").Append(Format.Coord(y1))
            .Append("\" x2=\"").Append(Format.Coord(x2)).Append("\" y2=\"").Append(Format.Coord(y2))
            .Append("\" class=\"").Append(cssClass).Append("\"/>");
    }

    /// <summary>A coloured square and name per series, in one row above the plot.</summary>
    public static void Legend(StringBuilder html, IReadOnlyList<ChartSeries> series, double y)
    {
        var x = 8.0;
        for (var i = 0; i < series.Count; i++)
        {
            html.Append("<rect x=\"").Append(Format.Coord(x)).Append("\" y=\"").Append(Format.Coord(y - 10))
                .Append("\" width=\"12\" height=\"12\" class=\"s").Append(SeriesClass(i)).Append("\"/>");
            Text(html, x + 16, y, series[i].Name);
            x += 28 + (7.5 * series[i].Name.Length);
        }
    }

    /// <summary>The colour class of the series at <paramref name="index"/> (six colours, then round again).</summary>
    public static int SeriesClass(int index) => index % 6;

    /// <summary>A label short enough for the label column; the full text stays in the bar's tooltip and the table.</summary>
    public static string Shorten(string label, int maxLength)
    {
        if (label.Length <= maxLength)
        {
            return label;
        }

        var cut = maxLength - 1;
        if (char.IsHighSurrogate(label[cut - 1]))
        {
            cut--;
        }

        return label[..cut] + "…";
    }

    /// <summary>Every how many keys an axis label is written so that at most <paramref name="maxLabels"/> appear.</summary>
    public static int LabelEvery(int count, int maxLabels) => Math.Max(1, (int)Math.Ceiling(count / (double)maxLabels));

    /// <summary>A data point's attributes: what a test (or a script) reads back from the page.</summary>
    public static void DataAttributes(StringBuilder html, string key, double value, string? series = null)
    {
        html.Append(" data-key=\"").Append(HtmlText.Encode(key)).Append('"');
        if (series is not null)
        {
            html.Append(" data-series=\"").Append(HtmlText.Encode(series)).Append('"');
        }

        html.Append(" data-value=\"").Append(Format.Data(value)).Append('"');
    }

    /// <summary>A tooltip child element: browsers show it on hover and long-press, no script needed.</summary>
    public static void Tooltip(StringBuilder html, string text) =>
        html.Append("<title>").Append(HtmlText.Encode(text)).Append("</title>");
}
