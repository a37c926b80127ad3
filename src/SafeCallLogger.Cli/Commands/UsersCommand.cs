using System.CommandLine;
using SafeCallLogger.Cli.Analytics;
using SafeCallLogger.Cli.Infrastructure;
using SafeCallLogger.Cli.Output;

namespace SafeCallLogger.Cli.Commands;

/// <summary><c>safecall users --by sport|type|roi --min N</c>: each user's click rate by a dimension, with how many calls it rests on.</summary>
internal static class UsersCommand
{
    public static Command Create()
    {
        var by = DimensionOption.Create("sport", "What each user's click rate is broken down by.");
        var min = new Option<int>("--min")
        {
            Description = "The fewest notified calls a user's row must rest on. The default is 1.",
            HelpName = "N",
            DefaultValueFactory = static _ => 1,
        };
        return AnalyticsCommand.Create<UserPreferenceRow>(
            "users",
            "Per-user preferences: each user's click rate by sport, call type or ROI band, with the calls it rests on.",
            (parse, analytics, filter, ct) =>
            {
                var minimum = parse.GetValue(min);
                return minimum < 1
                    ? throw CliException.BadArguments("--min must be at least 1")
                    : analytics.GetUserPreferencesAsync(DimensionOption.Read(parse, by)!.Value, minimum, filter, ct);
            },
            (console, parse, filter, rows) =>
            {
                if (rows.Count == 0)
                {
                    Tables.Empty(console, filter);
                    return;
                }

                var title = DimensionOption.Title(DimensionOption.Read(parse, by));
                var table = Tables.Create("User preferences by " + title.ToLowerInvariant(), "User", title, "Notified", "Clicked", "Click rate");
                foreach (var row in rows)
                {
                    Tables.AddRow(table, row.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture), Tables.Key(row.Key), Tables.Count(row.Notified), Tables.Count(row.Clicked), Tables.Percent(row.ClickRate));
                }

                Tables.Write(console, table, filter);
            },
            by,
            min);
    }
}
