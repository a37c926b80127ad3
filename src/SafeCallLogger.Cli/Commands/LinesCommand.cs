using System.CommandLine;
using SafeCallLogger.Cli.Analytics;
using SafeCallLogger.Cli.Output;

namespace SafeCallLogger.Cli.Commands;

/// <summary><c>safecall lines</c>: line movement speed (fast, normal, slow) by bookmaker.</summary>
internal static class LinesCommand
{
    public static Command Create() => AnalyticsCommand.Create<LineMovementRow>(
        "lines",
        "Line movement: how often each bookmaker's lines moved fast, normal or slow after a call.",
        static (_, analytics, filter, ct) => analytics.GetLineMovementAsync(filter, ct),
        static (console, _, filter, rows) =>
        {
            if (rows.Count == 0)
            {
                Tables.Empty(console, filter);
                return;
            }

            var table = Tables.Create("Line movement by bookmaker", "Bookmaker", "Recorded", "Fast", "Normal", "Slow", "Fast %");
            foreach (var row in rows)
            {
                Tables.AddRow(table, row.Bookmaker, Tables.Count(row.Recorded), Tables.Count(row.Fast), Tables.Count(row.Normal), Tables.Count(row.Slow), Tables.Percent(row.FastShare));
            }

            Tables.Write(console, table, filter);
            Tables.Bars(console, "Fast moves %", rows.Select(static r => (r.Bookmaker, r.FastShare * 100)));
        });
}
