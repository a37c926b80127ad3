using System.Text;
using SafeCallLogger.Reporting.Html;

namespace SafeCallLogger.Reporting.Sections;

/// <summary>
/// The top of the page: title, the time range (the filter's bounds, or the first and last day with calls), the time
/// zone, when the page was generated, the totals of the range, and links to every section.
/// </summary>
internal static class HeaderSection
{
    public static void Write(StringBuilder html, ReportData data, AnalyticsFilter filter, string title, DateTimeOffset generatedAt, IReadOnlyList<(string Id, string Title)> contents)
    {
        var zone = filter.TimeZone;
        html.Append("<header id=\"summary\"><h1>").Append(HtmlText.Encode(title)).Append("</h1>");
        html.Append("<p class=\"meta\" data-range-from=\"").Append(HtmlText.Encode(From(data, filter)))
            .Append("\" data-range-to=\"").Append(HtmlText.Encode(To(data, filter))).Append("\">Range: ")
            .Append(HtmlText.Encode(From(data, filter))).Append(" to ").Append(HtmlText.Encode(To(data, filter))).Append("</p>");
        html.Append("<p class=\"meta\" data-time-zone=\"").Append(HtmlText.Encode(zone.Id)).Append("\">Time zone: ")
            .Append(HtmlText.Encode(zone.Id)).Append(" (hours, weekdays and days are read in it)</p>");
        html.Append("<p class=\"meta\" data-generated-at=\"").Append(generatedAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture))
            .Append("\">Generated: ").Append(HtmlText.Encode(Format.Moment(generatedAt, zone))).Append("</p>");

        var calls = data.Daily.Sum(d => d.Calls);
        var notified = data.Daily.Sum(d => d.UsersNotified);
        var bet = data.Daily.Sum(d => d.UsersBet);
        html.Append("<div class=\"totals\">");
        Total(html, "calls", Format.Count(calls), Format.Data(calls), "calls");
        Total(html, "users-notified", Format.Count(notified), Format.Data(notified), "users notified");
        Total(html, "users-bet", Format.Count(bet), Format.Data(bet), "users who bet");
        var conversion = notified == 0 ? 0 : (double)bet / notified;
        Total(html, "conversion", Format.Rate(conversion), Format.Data(conversion), "conversion");
        var settled = data.Daily.Sum(d => d.ResultsKnown);
        Total(html, "settled", Format.Count(settled), Format.Data(settled), "settled");
        var profit = data.Daily.Sum(d => d.Profit);
        Total(html, "profit", Format.Money(profit), Format.Data(profit), "profit");
        html.Append("</div>");
        if (filter.Since is not null || filter.Until is not null)
        {
            html.Append("<p class=\"meta\">The store holds ").Append(Format.Count(data.StoreTotals.TotalCalls))
                .Append(" calls in all; the figures below are those of the range.</p>");
        }

        html.Append("<nav>");
        foreach (var (id, sectionTitle) in contents)
        {
            html.Append("<a href=\"#").Append(HtmlText.Encode(id)).Append("\">").Append(HtmlText.Encode(sectionTitle)).Append("</a>");
        }

        html.Append("</nav></header>");
    }

    private static void Total(StringBuilder html, string name, string display, string value, string label) =>
        html.Append("<div class=\"total\" data-total=\"").Append(name).Append("\" data-value=\"").Append(value).Append("\"><b>")
            .Append(HtmlText.Encode(display)).Append("</b><span>").Append(label).Append("</span></div>");

    private static string From(ReportData data, AnalyticsFilter filter) =>
        filter.Since is { } since ? Format.Moment(since, filter.TimeZone)
        : data.Daily.Count > 0 ? Format.Day(data.Daily[0].Day)
        : "(no calls)";

    private static string To(ReportData data, AnalyticsFilter filter) =>
        filter.Until is { } until ? Format.Moment(until, filter.TimeZone) + " (exclusive)"
        : data.Daily.Count > 0 ? Format.Day(data.Daily[^1].Day)
        : "(no calls)";
}
