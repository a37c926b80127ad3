using System.CommandLine;
using SafeCallLogger.Cli.Analytics;
using SafeCallLogger.Cli.Output;

namespace SafeCallLogger.Cli.Commands;

/// <summary><c>safecall results --by bookmaker|sport|type</c>: profit, yield and ROI of the settled calls.</summary>
internal static class ResultsCommand
{
    public static Command Create()
    {
        var by = DimensionOption.Create("bookmaker", "What to group results by.");
        return AnalyticsCommand.Create<ResultsRow>(
            "results",
            "Results of the settled calls: profit, yield and ROI, by bookmaker, sport, call type or any dimension.",
            (parse, analytics, filter, ct) => analytics.GetResultsAsync(DimensionOption.Read(parse, by)!.Value, filter, ct),
            (console, parse, filter, rows) =>
            {
                if (rows.Count == 0)
                {
                    Tables.Empty(console, filter);
                    return;
                }

                var title = DimensionOption.Title(DimensionOption.Read(parse, by));
                var table = Tables.Create("Results by " + title.ToLowerInvariant(), title, "Settled", "Won", "Lost", "Profit", "Staked", "Yield", "Mean ROI", "Expected ROI");
                foreach (var row in rows)
                {
                    Tables.AddRow(table, Tables.Key(row.Key), Tables.Count(row.Settled), Tables.Count(row.Won), Tables.Count(row.Lost), Tables.Money(row.Profit), Tables.Money(row.Staked), Tables.Percent(row.YieldPercent, alreadyPercent: true), Tables.Percent(row.MeanRoiPercent, alreadyPercent: true), Tables.Percent(row.ExpectedRoiPercent, alreadyPercent: true));
                }

                Tables.Write(console, table, filter);
                Tables.Bars(console, "Profit", rows.Select(static r => (Tables.Key(r.Key), r.Profit)));
            },
            by);
    }
}
