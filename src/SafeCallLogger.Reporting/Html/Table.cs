using System.Text;

namespace SafeCallLogger.Reporting.Html;

/// <summary>
/// The numbers behind a chart: a plain table inside a wrapper that scrolls sideways on a narrow screen. The first
/// <c>textColumns</c> columns are text, then figures (right-aligned, tabular digits). Every cell is encoded.
/// </summary>
internal static class Table
{
    public static void Write(StringBuilder html, string name, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, int textColumns = 1, int numericUntil = int.MaxValue)
    {
        html.Append("<div class=\"table-wrap\"><table data-table=\"").Append(HtmlText.Encode(name)).Append("\"><thead><tr>");
        for (var i = 0; i < headers.Count; i++)
        {
            html.Append(i < textColumns || i >= numericUntil ? "<th>" : "<th class=\"num\">").Append(HtmlText.Encode(headers[i])).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                html.Append(i < textColumns || i >= numericUntil ? "<td>" : "<td class=\"num\">").Append(HtmlText.Encode(row[i])).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table></div>");
    }

    /// <summary>A note under a chart that shows fewer groups than its table.</summary>
    public static void TruncationNote(StringBuilder html, int shown, int total)
    {
        if (total > shown)
        {
            html.Append("<p class=\"note\">The chart shows the first ").Append(Format.Count(shown)).Append(" of ")
                .Append(Format.Count(total)).Append(" groups; the table lists ")
                .Append(total > Page.MaxTableRows ? "the first " + Format.Count(Page.MaxTableRows) : "them all").Append(".</p>");
        }
    }
}
