using System.CommandLine;
using SafeCallLogger.Cli.Output;
using SafeCallLogger.Cli.Storage;
using Spectre.Console;

namespace SafeCallLogger.Cli.Analytics;

/// <summary>
/// What every analytics command does, once: its switches (time range, zone, ROI bands, <c>--format</c>), opening the
/// storage, running one <see cref="ICallAnalytics"/> query and printing its rows as a table and chart, JSON or CSV.
/// </summary>
internal static class AnalyticsCommand
{
    public delegate Task<IReadOnlyList<T>> Query<T>(ParseResult parse, ICallAnalytics analytics, AnalyticsFilter filter, CancellationToken cancellationToken);

    public delegate void Render<T>(IAnsiConsole console, ParseResult parse, AnalyticsFilter filter, IReadOnlyList<T> rows);

    public static Command Create<T>(string name, string description, Query<T> query, Render<T> render, params Option[] options)
    {
        var command = new Command(name, description);
        foreach (var option in options)
        {
            command.Add(option);
        }

        var switches = AnalyticsSwitches.AddTo(command);
        var format = OutputFormatOption.Create();
        command.Add(format);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var filter = switches.Read(parse);
            var outputFormat = OutputFormatOption.Read(parse, format);
            var target = StorageSwitches.Open(parse);
            var rows = await query(parse, target.Analytics, filter, cancellationToken).ConfigureAwait(false);
            switch (outputFormat)
            {
                case OutputFormat.Json:
                    RowWriter.WriteJson(Console.Out, rows);
                    break;
                case OutputFormat.Csv:
                    RowWriter.WriteCsv(Console.Out, rows);
                    break;
                default:
                    render(Terminal.Out, parse, filter, rows);
                    break;
            }

            return 0;
        });
        return command;
    }
}
