using System.CommandLine;
using SafeCallLogger.Cli.Analytics;
using SafeCallLogger.Cli.Output;

namespace SafeCallLogger.Cli.Commands;

/// <summary><c>safecall breakdown --by DIMENSION</c>: conversion (users who bet per user notified, calls with a click) by one dimension.</summary>
internal static class BreakdownCommand
{
    public static Command Create()
    {
        var by = DimensionOption.Create("sport", "What to break conversion down by.");
        return AnalyticsCommand.Create<ConversionRow>(
            "breakdown",
            "Conversion by sport, league, bookmaker, pair, market, ROI band, hour, weekday or call type.",
            (parse, analytics, filter, ct) => analytics.GetConversionAsync(DimensionOption.Read(parse, by)!.Value, filter, ct),
            (console, parse, filter, rows) =>
            {
                var dimension = DimensionOption.Read(parse, by);
                if (rows.Count == 0)
                {
                    Tables.Empty(console, filter);
                    return;
                }

                var table = Tables.Create("Conversion by " + DimensionOption.Title(dimension).ToLowerInvariant(), DimensionOption.Title(dimension), "Calls", "Clicked calls", "Clicked %", "Notified", "Bet", "Conversion");
                foreach (var row in rows)
                {
                    Tables.AddRow(table, Tables.Key(row.Key), Tables.Count(row.Calls), Tables.Count(row.CallsWithClicks), Tables.Percent(row.ClickedCallRate), Tables.Count(row.UsersNotified), Tables.Count(row.UsersBet), Tables.Percent(row.ConversionRate));
                }

                Tables.Write(console, table, filter);
                Tables.Bars(console, "Conversion % (users who bet / users notified)", rows.Select(static r => (Tables.Key(r.Key), r.ConversionRate * 100)));
            },
            by);
    }
}
