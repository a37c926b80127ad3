using System.CommandLine;
using System.Globalization;
using SafeCallLogger.Cli.Infrastructure;
using SafeCallLogger.Cli.Output;
using SafeCallLogger.Cli.Storage;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace SafeCallLogger.Cli.Commands;

/// <summary><c>safecall watch</c>: live counters while a bot writes, until Ctrl+C (or <c>--once</c> / <c>--iterations N</c>).</summary>
internal static class WatchCommand
{
    public static Command Create()
    {
        var interval = new Option<double>("--interval") { Description = "Seconds between two reads. The default is 2.", HelpName = "SECONDS", DefaultValueFactory = static _ => 2 };
        var once = new Option<bool>("--once") { Description = "Read once and exit (same as --iterations 1)." };
        var iterations = new Option<int?>("--iterations") { Description = "Stop after N reads. The default is to run until Ctrl+C.", HelpName = "N" };
        var format = OutputFormatOption.Create();
        var command = new Command("watch", "Live counters (calls, clicks, users, results, profit and their change) while the bot writes; Ctrl+C stops.") { interval, once, iterations, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var every = parse.GetValue(interval);
            var count = parse.GetValue(once) ? 1 : parse.GetValue(iterations);
            if (!(every >= 0 && every <= 3600) || count is < 1)
            {
                throw CliException.BadArguments("--interval must be 0 to 3600 seconds and --iterations at least 1");
            }

            var target = StorageSwitches.Open(parse);
            var outputFormat = OutputFormatOption.Read(parse, format);
            var live = outputFormat == OutputFormat.Table && Terminal.OutIsInteractive;
            try
            {
                if (live)
                {
                    await Terminal.Out.Live(new Text("Reading...")).StartAsync(context =>
                        LoopAsync(target, TimeSpan.FromSeconds(every), count, (first, now) => context.UpdateTarget(Render(target, first, now)), cancellationToken)).ConfigureAwait(false);
                }
                else
                {
                    await LoopAsync(target, TimeSpan.FromSeconds(every), count, (first, now) => Print(outputFormat, first, now), cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C is how watch is meant to end.
            }

            return 0;
        });
        return command;
    }

    private static async Task LoopAsync(StoreTarget target, TimeSpan every, int? count, Action<CallStoreTotals, CallStoreTotals> show, CancellationToken cancellationToken)
    {
        CallStoreTotals? first = null;
        for (var i = 0; count is null || i < count; i++)
        {
            if (i > 0)
            {
                await Task.Delay(every, cancellationToken).ConfigureAwait(false);
            }

            var now = await target.Store.GetTotalsAsync(cancellationToken).ConfigureAwait(false);
            first ??= now;
            show(first, now);
        }
    }

    private static IRenderable Render(StoreTarget target, CallStoreTotals first, CallStoreTotals now)
    {
        var table = Tables.Create("safecall watch: " + target.Description, "Counter", "Now", "Since start");
        foreach (var (name, value, change) in Counters(first, now))
        {
            Tables.AddRow(table, name, value, change);
        }

        table.Caption = new TableTitle(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"Read {now.ReadAt:HH:mm:ss} UTC. Ctrl+C stops.")));
        return table;
    }

    private static void Print(OutputFormat format, CallStoreTotals first, CallStoreTotals now)
    {
        if (format == OutputFormat.Json)
        {
            // One object per line (JSON Lines), so a script can follow the stream.
            Console.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(now, RowWriter.Json).ReplaceLineEndings(" "));
        }
        else
        {
            Console.Out.WriteLine(string.Join("  ", Counters(first, now).Select(static c => $"{c.Name}={c.Value} ({c.Change})")));
        }

        Console.Out.Flush();
    }

    private static IEnumerable<(string Name, string Value, string Change)> Counters(CallStoreTotals first, CallStoreTotals now)
    {
        var c = CultureInfo.InvariantCulture;
        static string Delta(double d) => (d >= 0 ? "+" : string.Empty) + d.ToString("0.##", CultureInfo.InvariantCulture);
        yield return ("calls", now.TotalCalls.ToString(c), Delta(now.TotalCalls - first.TotalCalls));
        yield return ("clicked_calls", now.CallsWithClicks.ToString(c), Delta(now.CallsWithClicks - first.CallsWithClicks));
        yield return ("notified", now.TotalUsersNotified.ToString(c), Delta(now.TotalUsersNotified - first.TotalUsersNotified));
        yield return ("bet", now.TotalUsersBet.ToString(c), Delta(now.TotalUsersBet - first.TotalUsersBet));
        yield return ("results", now.ResultsKnown.ToString(c), Delta(now.ResultsKnown - first.ResultsKnown));
        yield return ("profit", now.TotalProfit.ToString("0.##", c), Delta(now.TotalProfit - first.TotalProfit));
        yield return ("last_call", now.LastCallAt?.ToString("yyyy-MM-dd HH:mm:ss", c) ?? "none", string.Empty);
    }
}
