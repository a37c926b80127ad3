using System.CommandLine;
using System.Globalization;

namespace SafeCallLogger.Cli.Infrastructure;

/// <summary>
/// <c>--since</c>, <c>--until</c> and <c>--tz</c>: ISO dates or times; one without an offset is a wall time in the
/// <c>--tz</c> zone (UTC by default), so <c>--since 2026-11-01 --tz Europe/Paris</c> starts at midnight in Paris.
/// </summary>
internal sealed class TimeSwitches
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
    ];

    public Option<string?> Since { get; } = new("--since") { Description = "Only calls at or after this ISO date or time (e.g. 2026-11-01 or 2026-11-01T08:00Z).", HelpName = "TIME" };

    public Option<string?> Until { get; } = new("--until") { Description = "Only calls before this ISO date or time (exclusive).", HelpName = "TIME" };

    public Option<string?> TimeZone { get; } = new("--tz") { Description = "The IANA time zone for days, hours, weekdays and times without an offset (e.g. Europe/Paris). The default is UTC.", HelpName = "ZONE" };

    public static TimeSwitches AddTo(Command command)
    {
        var switches = new TimeSwitches();
        command.Add(switches.Since);
        command.Add(switches.Until);
        command.Add(switches.TimeZone);
        return switches;
    }

    public TimeZoneInfo ReadZone(ParseResult parse)
    {
        var id = parse.GetValue(TimeZone);
        if (string.IsNullOrWhiteSpace(id))
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw CliException.BadArguments($"--tz: unknown time zone '{id}' (an IANA name such as Europe/Paris)");
        }
    }

    public (DateTimeOffset? Since, DateTimeOffset? Until) ReadRange(ParseResult parse, TimeZoneInfo zone)
    {
        var since = Parse(parse.GetValue(Since), "--since", zone);
        var until = Parse(parse.GetValue(Until), "--until", zone);
        if (since is { } s && until is { } u && u <= s)
        {
            throw CliException.BadArguments("--until must be after --since");
        }

        return (since, until);
    }

    private static DateTimeOffset? Parse(string? text, string name, TimeZoneInfo zone)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        if (DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wall))
        {
            return new DateTimeOffset(wall, zone.GetUtcOffset(wall));
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time;
        }

        throw CliException.BadArguments($"{name}: '{text}' is not an ISO date or time (e.g. 2026-11-01 or 2026-11-01T08:00:00Z)");
    }
}
