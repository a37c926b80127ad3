using System.Globalization;
using System.Text;
using SafeCallLogger.Reporting.Charts;
using SafeCallLogger.Reporting.Html;

namespace SafeCallLogger.Reporting.Sections;

/// <summary>
/// Whether users come back (<see cref="ICallAnalytics.GetRetentionAsync"/>): active and engaged rates D1 to D7 after
/// each user's first click (<c>retention</c>, keys <c>D1</c>..<c>D7</c>, series <c>active</c> and <c>engaged</c>,
/// 0 to 1), with the cohort each rate rests on. Section id: <c>retention</c>.
/// </summary>
internal static class RetentionSection
{
    public const string Id = "retention";
    public const string Title = "Retention D1–D7";

    public static void Write(StringBuilder html, IReadOnlyList<RetentionRow> rows)
    {
        Page.OpenSection(html, Id, Title, "Of the users who clicked once, how many were still notified (active) and still clicking (engaged) N days later?");
        if (rows.Sum(row => row.Cohort) == 0)
        {
            Page.Empty(html);
            Page.CloseSection(html);
            return;
        }

        LineChart.Write(
            html,
            "retention",
            "Active and engaged users, days after the first click",
            rows.Select(Key).ToList(),
            [
                new ChartSeries("active", rows.Select(row => row.ActiveRate).ToList()),
                new ChartSeries("engaged", rows.Select(row => row.EngagedRate).ToList()),
            ],
            Format.Rate);
        Table.Write(
            html,
            Id,
            ["Day", "Cohort", "Active", "Active %", "Engaged", "Engaged %"],
            rows.Select(row => (IReadOnlyList<string>)
            [
                Key(row), Format.Count(row.Cohort), Format.Count(row.Active), Format.Rate(row.ActiveRate),
                Format.Count(row.Engaged), Format.Rate(row.EngagedRate),
            ]));
        Page.CloseSection(html);
    }

    private static string Key(RetentionRow row) => "D" + row.Day.ToString(CultureInfo.InvariantCulture);
}
