using System.Text;
using SafeCallLogger.Reporting.Charts;
using SafeCallLogger.Reporting.Html;

namespace SafeCallLogger.Reporting.Sections;

/// <summary>
/// Activity per day (<see cref="ICallAnalytics.GetDailyActivityAsync"/>): calls and clicks as lines
/// (<c>daily-activity</c>, series <c>calls</c> and <c>clicks</c>), profit as columns (<c>daily-profit</c>), keyed
/// by ISO date; the table lists every day with calls, newest first.
/// </summary>
internal static class DailySection
{
    public const string Id = "daily";
    public const string Title = "Calls, clicks and profit per day";

    public static void Write(StringBuilder html, IReadOnlyList<DailyActivityRow> rows)
    {
        Page.OpenSection(html, Id, Title, "How many alerts went out each day, how many clicks they drew and what the settled ones earned.");
        if (rows.Count == 0)
        {
            Page.Empty(html);
            Page.CloseSection(html);
            return;
        }

        var keys = rows.Select(row => Format.Day(row.Day)).ToList();
        LineChart.Write(
            html,
            "daily-activity",
            "Calls and clicks per day",
            keys,
            [
                new ChartSeries("calls", rows.Select(row => (double)row.Calls).ToList()),
                new ChartSeries("clicks", rows.Select(row => (double)row.Clicks).ToList()),
            ],
            Format.Compact,
            ShortDay);
        Page.Heading(html, "Profit per day");
        ColumnChart.Write(
            html,
            "daily-profit",
            "Profit per day (settled calls)",
            rows.Select((row, i) => new ChartBar(keys[i], ShortDay(keys[i]), row.Profit, Format.Money(row.Profit))).ToList(),
            Format.Compact);
        Table.Write(
            html,
            Id,
            ["Day", "Calls", "Clicks", "Notified", "Bet", "Settled", "Profit"],
            rows.Reverse().Take(Page.MaxTableRows).Select(row => (IReadOnlyList<string>)
            [
                Format.Day(row.Day), Format.Count(row.Calls), Format.Count(row.Clicks), Format.Count(row.UsersNotified),
                Format.Count(row.UsersBet), Format.Count(row.ResultsKnown), Format.Money(row.Profit),
            ]));
        if (rows.Count > Page.MaxTableRows)
        {
            html.Append("<p class=\"note\">The table lists the newest ").Append(Format.Count(Page.MaxTableRows))
                .Append(" of ").Append(Format.Count(rows.Count)).Append(" days; the charts draw them all.</p>");
        }

        Page.CloseSection(html);
    }

    // "2026-11-30" -> "11-30": the axis has room for short labels; the tooltip, the data-key and the table keep the year.
    private static string ShortDay(string isoDay) => isoDay.Length == 10 ? isoDay[5..] : isoDay;
}
