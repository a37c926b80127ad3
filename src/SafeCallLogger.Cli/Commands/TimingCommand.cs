using System.CommandLine;
using SafeCallLogger.Cli.Analytics;
using SafeCallLogger.Cli.Output;

namespace SafeCallLogger.Cli.Commands;

/// <summary><c>safecall timing [--by DIMENSION]</c>: how long calls stay good and how soon the first click comes.</summary>
internal static class TimingCommand
{
    public static Command Create()
    {
        var by = DimensionOption.Create(null, "Group the timings by a dimension; without it, one row over all calls.");
        return AnalyticsCommand.Create<TimingRow>(
            "timing",
            "Call lifetime (expires_at - alert_sent_at) and time to first click: count, mean, median and 90th percentile.",
            (parse, analytics, filter, ct) => analytics.GetTimingAsync(DimensionOption.Read(parse, by), filter, ct),
            (console, parse, filter, rows) =>
            {
                if (rows.Count == 0)
                {
                    Tables.Empty(console, filter);
                    return;
                }

                var title = DimensionOption.Title(DimensionOption.Read(parse, by));
                var table = Tables.Create("Call lifetime and time to first click", title, "Lifetimes", "Mean life", "Median life", "P90 life", "Clicked", "Mean to click", "Median to click", "P90 to click");
                foreach (var row in rows)
                {
                    var (life, click) = (row.Lifetime, row.TimeToFirstClick);
                    Tables.AddRow(table, Tables.Key(row.Key ?? (parse.GetValue(by) is null ? "all" : null)), Tables.Count(life.Count), Tables.Duration(life.Mean), Tables.Duration(life.Median), Tables.Duration(life.P90), Tables.Count(click.Count), Tables.Duration(click.Mean), Tables.Duration(click.Median), Tables.Duration(click.P90));
                }

                Tables.Write(console, table, filter);
                Tables.Bars(console, "Median minutes to first click", rows.Select(r => (Tables.Key(r.Key ?? "all"), r.TimeToFirstClick.Median?.TotalMinutes ?? 0)));
            },
            by);
    }
}
