using System.CommandLine;
using System.Globalization;
using SafeCallLogger.Cli.Analytics;
using SafeCallLogger.Cli.Output;

namespace SafeCallLogger.Cli.Commands;

/// <summary><c>safecall daily</c>: calls, clicks, users and profit per day in the <c>--tz</c> zone.</summary>
internal static class DailyCommand
{
    public static Command Create() => AnalyticsCommand.Create<DailyActivityRow>(
        "daily",
        "Calls, clicks, users notified and bet, results and profit per day (in the --tz zone).",
        static (_, analytics, filter, ct) => analytics.GetDailyActivityAsync(filter, ct),
        static (console, _, filter, rows) =>
        {
            if (rows.Count == 0)
            {
                Tables.Empty(console, filter);
                return;
            }

            var table = Tables.Create("Activity per day", "Day", "Calls", "Clicks", "Notified", "Bet", "Results", "Profit");
            foreach (var row in rows)
            {
                Tables.AddRow(table, row.Day.ToString("yyyy-MM-dd ddd", CultureInfo.InvariantCulture), Tables.Count(row.Calls), Tables.Count(row.Clicks), Tables.Count(row.UsersNotified), Tables.Count(row.UsersBet), Tables.Count(row.ResultsKnown), Tables.Money(row.Profit));
            }

            Tables.Write(console, table, filter);
            Tables.Bars(console, "Calls per day", rows.Select(static r => (r.Day.ToString("MM-dd", CultureInfo.InvariantCulture), (double)r.Calls)));
        });
}
