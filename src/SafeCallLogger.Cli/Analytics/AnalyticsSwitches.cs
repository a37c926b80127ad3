using System.CommandLine;
using System.Globalization;
using SafeCallLogger.Cli.Infrastructure;

namespace SafeCallLogger.Cli.Analytics;

/// <summary>The switches every analytics command shares: the time range and zone, and the ROI bands.</summary>
internal sealed class AnalyticsSwitches
{
    private AnalyticsSwitches(TimeSwitches time) => Time = time;

    public TimeSwitches Time { get; }

    public Option<string?> RoiBands { get; } = new("--roi-bands")
    {
        Description = "The ROI band edges in percent, ascending, comma-separated. The default is 0,1,2,3,5,10.",
        HelpName = "EDGES",
    };

    public static AnalyticsSwitches AddTo(Command command)
    {
        var switches = new AnalyticsSwitches(TimeSwitches.AddTo(command));
        command.Add(switches.RoiBands);
        return switches;
    }

    public AnalyticsFilter Read(ParseResult parse)
    {
        var zone = Time.ReadZone(parse);
        var (since, until) = Time.ReadRange(parse, zone);
        return new AnalyticsFilter
        {
            Since = since,
            Until = until,
            TimeZone = zone,
            RoiBands = ReadBands(parse.GetValue(RoiBands)),
        };
    }

    private static IReadOnlyList<double> ReadBands(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return AnalyticsFilter.DefaultRoiBands;
        }

        var edges = new List<double>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var edge) || !double.IsFinite(edge))
            {
                throw CliException.BadArguments($"--roi-bands: '{part}' is not a number (e.g. --roi-bands 0,1,2,3,5,10)");
            }

            if (edges.Count > 0 && edge <= edges[^1])
            {
                throw CliException.BadArguments("--roi-bands: the edges must be ascending (e.g. 0,1,2,3,5,10)");
            }

            edges.Add(edge);
        }

        return edges.Count > 0 ? edges : throw CliException.BadArguments("--roi-bands needs at least one edge");
    }
}
