using System.CommandLine;
using SafeCallLogger.Cli.Output;
using SafeCallLogger.Cli.Storage;

namespace SafeCallLogger.Cli.Commands;

/// <summary><c>safecall stats</c>: what the bot's <c>/ml_stats</c> shows about the stored calls (no logger here, so no logger health).</summary>
internal static class StatsCommand
{
    public static Command Create()
    {
        var format = OutputFormatOption.Create();
        var command = new Command("stats", "The /ml_stats content: calls stored, by type, sports, clicks, conversion, results, profit, recommendations.") { format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var outputFormat = OutputFormatOption.Read(parse, format);
            var target = StorageSwitches.Open(parse);
            var stats = await target.Store.GetStatsAsync(health: null, cancellationToken).ConfigureAwait(false);
            switch (outputFormat)
            {
                case OutputFormat.Json:
                    RowWriter.WriteJson(Console.Out, stats);
                    break;
                case OutputFormat.Csv:
                    RowWriter.WriteCsv(Console.Out, [stats]);
                    break;
                default:
                    // The admin message as the bot sends it: plain text, the same words an operator knows from the chat.
                    Console.Out.WriteLine(CallStatsFormatter.Format(stats));
                    Console.Out.WriteLine("Database: " + target.Description);
                    break;
            }

            return 0;
        });
        return command;
    }
}
