using System.CommandLine;
using System.Globalization;
using SafeCallLogger.Cli.Analytics;
using SafeCallLogger.Cli.Output;

namespace SafeCallLogger.Cli.Commands;

/// <summary><c>safecall retention</c>: users coming back D1 to D7 after their first click (active = notified, engaged = clicked).</summary>
internal static class RetentionCommand
{
    public static Command Create() => AnalyticsCommand.Create<RetentionRow>(
        "retention",
        "User retention D1-D7 after each user's first click: active (notified) and engaged (clicked) shares.",
        static (_, analytics, filter, ct) => analytics.GetRetentionAsync(filter, ct),
        static (console, _, filter, rows) =>
        {
            var table = Tables.Create("User retention after the first click", "Day", "Cohort", "Active", "Active %", "Engaged", "Engaged %");
            foreach (var row in rows)
            {
                Tables.AddRow(table, "D" + row.Day.ToString(CultureInfo.InvariantCulture), Tables.Count(row.Cohort), Tables.Count(row.Active), Tables.Percent(row.ActiveRate), Tables.Count(row.Engaged), Tables.Percent(row.EngagedRate));
            }

            Tables.Write(console, table, filter);
            Tables.Bars(console, "Engaged % (clicked again that day)", rows.Select(static r => ("D" + r.Day.ToString(CultureInfo.InvariantCulture), r.EngagedRate * 100)));
        });
}
