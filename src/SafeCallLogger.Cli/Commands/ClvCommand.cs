using System.CommandLine;
using SafeCallLogger.Cli.Analytics;
using SafeCallLogger.Cli.Output;

namespace SafeCallLogger.Cli.Commands;

/// <summary><c>safecall clv --by bookmaker|sport</c>: closing line value (mean, median, share positive).</summary>
internal static class ClvCommand
{
    public static Command Create()
    {
        var by = DimensionOption.Create("bookmaker", "What to group closing line value by.");
        return AnalyticsCommand.Create<ClvRow>(
            "clv",
            "Closing line value: mean, median and share of positive CLV, by bookmaker or sport.",
            (parse, analytics, filter, ct) => analytics.GetClvAsync(DimensionOption.Read(parse, by)!.Value, filter, ct),
            (console, parse, filter, rows) =>
            {
                if (rows.Count == 0)
                {
                    Tables.Empty(console, filter);
                    return;
                }

                var title = DimensionOption.Title(DimensionOption.Read(parse, by));
                var table = Tables.Create("Closing line value by " + title.ToLowerInvariant(), title, "Values", "Mean CLV", "Median CLV", "Positive");
                foreach (var row in rows)
                {
                    Tables.AddRow(table, Tables.Key(row.Key), Tables.Count(row.Values), Tables.Percent(row.MeanPercent, alreadyPercent: true), Tables.Percent(row.MedianPercent, alreadyPercent: true), Tables.Percent(row.SharePositive));
                }

                Tables.Write(console, table, filter);
                Tables.Bars(console, "Mean CLV %", rows.Select(static r => (Tables.Key(r.Key), r.MeanPercent)));
            },
            by);
    }
}
