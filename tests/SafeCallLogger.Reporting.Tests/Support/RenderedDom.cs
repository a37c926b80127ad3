using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace SafeCallLogger.Reporting.Tests.Support;

/// <summary>
/// What Chromium rendered, read with regular expressions over its HTML serialization (which is not XML: void
/// elements stay open): the section ids, the header totals and, per chart, its drawn values.
/// </summary>
internal static partial class RenderedDom
{
    public static IReadOnlyList<string> SectionIds(string dom) => SectionPattern().Matches(dom).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    public static IReadOnlyList<string> EmptySectionIds(string dom) => SectionBodyPattern().Matches(dom)
        .Where(m => m.Groups[2].Value.Contains("data-empty=\"true\"", StringComparison.Ordinal))
        .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    public static IReadOnlyDictionary<string, IReadOnlyList<DrawnValue>> Charts(string dom) =>
        ChartPattern().Matches(dom).ToDictionary(
            m => WebUtility.HtmlDecode(m.Groups[1].Value),
            m => (IReadOnlyList<DrawnValue>)ValuePattern().Matches(m.Groups[2].Value).Select(v => new DrawnValue(
                WebUtility.HtmlDecode(v.Groups[1].Value),
                v.Groups[2].Success ? WebUtility.HtmlDecode(v.Groups[2].Value) : null,
                double.Parse(v.Groups[3].Value, NumberStyles.Float, CultureInfo.InvariantCulture))).ToList());

    public static double Total(string dom, string name)
    {
        var match = Regex.Match(dom, "data-total=\"" + Regex.Escape(name) + "\" data-value=\"([^\"]*)\"");
        Assert.True(match.Success, "no total " + name);
        return double.Parse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("<section id=\"([^\"]*)\"")]
    private static partial Regex SectionPattern();

    [GeneratedRegex("<section id=\"([^\"]*)\">(.*?)</section>", RegexOptions.Singleline)]
    private static partial Regex SectionBodyPattern();

    [GeneratedRegex("<svg\\b[^>]*\\bdata-chart=\"([^\"]*)\"[^>]*>(.*?)</svg>", RegexOptions.Singleline)]
    private static partial Regex ChartPattern();

    [GeneratedRegex("<(?:rect|circle)\\b[^>]*?\\bdata-key=\"([^\"]*)\"(?:[^>]*?\\bdata-series=\"([^\"]*)\")?[^>]*?\\bdata-value=\"([^\"]*)\"")]
    private static partial Regex ValuePattern();
}
