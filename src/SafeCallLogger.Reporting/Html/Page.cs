using System.Text;

namespace SafeCallLogger.Reporting.Html;

/// <summary>
/// The frame of the page and of each section. The markup is XHTML-compatible (every element closed, every attribute
/// quoted, no entity but the XML five), so an XML parser reads it as well as a browser does.
/// </summary>
internal static class Page
{
    /// <summary>The most groups a categorical chart draws (the groups with the most calls come first).</summary>
    public const int MaxBars = 20;

    /// <summary>The most rows a table lists, so that a dimension with thousands of values keeps the page small.</summary>
    public const int MaxTableRows = 100;

    /// <summary>What an empty section says instead of a chart.</summary>
    public const string EmptyText = "No data in this range";

    public static void Open(StringBuilder html, string title)
    {
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
            .Append("<meta name=\"generator\" content=\"SafeCallLogger.Reporting\"/><title>")
            .Append(HtmlText.Encode(title)).Append("</title><style>").Append(PageStyle.Css).Append("</style></head><body>");
    }

    public static void Close(StringBuilder html) => html.Append("</body></html>\n");

    public static void OpenSection(StringBuilder html, string id, string title, string question)
    {
        html.Append("<section id=\"").Append(HtmlText.Encode(id)).Append("\"><h2>").Append(HtmlText.Encode(title))
            .Append("</h2><p class=\"question\">").Append(HtmlText.Encode(question)).Append("</p>");
    }

    public static void CloseSection(StringBuilder html) => html.Append("</section>");

    public static void Empty(StringBuilder html) => html.Append("<p class=\"empty\" data-empty=\"true\">").Append(EmptyText).Append("</p>");

    public static void Heading(StringBuilder html, string text) => html.Append("<h3>").Append(HtmlText.Encode(text)).Append("</h3>");
}
