using System.Text;
using SafeCallLogger.Reporting.Charts;
using SafeCallLogger.Reporting.Html;

namespace SafeCallLogger.Reporting.Sections;

/// <summary>
/// How long a call stays good and how soon users act (<see cref="ICallAnalytics.GetTimingAsync"/>): a summary over
/// all calls, then the median lifetime (<c>lifetime-by-call-type</c>) and median time to first click
/// (<c>first-click-by-call-type</c>) per call type, <c>data-value</c> in seconds. Section id: <c>timing</c>.
/// </summary>
internal static class TimingSection
{
    public const string Id = "timing";
    public const string Title = "Call lifetime and time to first click";

    public static void Write(StringBuilder html, IReadOnlyList<TimingRow> overall, IReadOnlyList<TimingRow> byCallType)
    {
        Page.OpenSection(html, Id, Title, "How long does an opportunity stay good (expires_at − alert_sent_at), and how soon after the alert does the first user click?");
        var all = overall.Count > 0 ? overall[0] : null;
        if (all is null || (all.Lifetime.Count == 0 && all.TimeToFirstClick.Count == 0))
        {
            Page.Empty(html);
            Page.CloseSection(html);
            return;
        }

        Table.Write(
            html,
            "timing-summary",
            ["Over all calls", "Calls", "Mean", "Median", "90th percentile"],
            [Summary("Call lifetime", all.Lifetime), Summary("Time to first click", all.TimeToFirstClick)]);

        Page.Heading(html, "Median lifetime by call type");
        Chart(html, "lifetime-by-call-type", "Median call lifetime by call type", byCallType, row => row.Lifetime);
        Page.Heading(html, "Median time to first click by call type");
        Chart(html, "first-click-by-call-type", "Median time to first click by call type", byCallType, row => row.TimeToFirstClick);

        Table.Write(
            html,
            "timing-by-call-type",
            ["Call type", "Lifetime: calls", "Mean", "Median", "P90", "First click: calls", "Mean", "Median", "P90"],
            byCallType.Take(Page.MaxTableRows).Select(row => (IReadOnlyList<string>)
            [
                Dimensions.Key(row.Key),
                Format.Count(row.Lifetime.Count), Format.Duration(row.Lifetime.Mean), Format.Duration(row.Lifetime.Median), Format.Duration(row.Lifetime.P90),
                Format.Count(row.TimeToFirstClick.Count), Format.Duration(row.TimeToFirstClick.Mean), Format.Duration(row.TimeToFirstClick.Median), Format.Duration(row.TimeToFirstClick.P90),
            ]));
        Page.CloseSection(html);
    }

    private static IReadOnlyList<string> Summary(string what, DurationSummary summary) =>
        [what, Format.Count(summary.Count), Format.Duration(summary.Mean), Format.Duration(summary.Median), Format.Duration(summary.P90)];

    private static void Chart(StringBuilder html, string chart, string title, IReadOnlyList<TimingRow> rows, Func<TimingRow, DurationSummary> pick)
    {
        var bars = rows.Where(row => pick(row).Median is not null)
            .Select(row => new ChartBar(Dimensions.Key(row.Key), Dimensions.Key(row.Key), pick(row).Median!.Value.TotalSeconds, Format.Duration(pick(row).Median)))
            .ToList();
        if (bars.Count == 0)
        {
            html.Append("<p class=\"note\">").Append(Page.EmptyText).Append(" for this measure.</p>");
            return;
        }

        BarChart.Write(html, chart, title, bars, seconds => Format.Duration(TimeSpan.FromSeconds(seconds)));
    }
}
