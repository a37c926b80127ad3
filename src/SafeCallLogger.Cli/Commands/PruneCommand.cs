using System.CommandLine;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SafeCallLogger.Cli.Infrastructure;
using SafeCallLogger.Cli.Output;
using SafeCallLogger.Cli.Storage;
using SafeCallLogger.Sqlite.Internal;
using Spectre.Console;

namespace SafeCallLogger.Cli.Commands;

/// <summary><c>safecall prune --older-than DAYS</c>: the store's retention, now, with that many days kept.</summary>
internal static class PruneCommand
{
    public static Command Create()
    {
        var days = new Option<int>("--older-than")
        {
            Description = "Delete the calls (with their per-user rows) sent more than DAYS days ago; 1 to 36500.",
            HelpName = "DAYS",
            Required = true,
        };
        var command = new Command("prune", "Deletes old calls now, in small transactions the bot's writer barely notices (the store's retention).") { days };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var keep = parse.GetValue(days);
            if (keep is < 1 or > 36_500)
            {
                throw CliException.BadArguments("--older-than must be between 1 and 36500 days");
            }

            var target = StorageSwitches.Open(parse, retentionDays: keep);
            var cutoff = DateTimeOffset.UtcNow - TimeSpan.FromDays(keep);
            int deleted;
            if (Terminal.ErrorIsInteractive && target.SqlitePath is { } path)
            {
                deleted = await WithProgressAsync(target, path, cutoff, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                deleted = await target.Store.RunRetentionAsync(cancellationToken).ConfigureAwait(false);
            }

            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Pruned {deleted:N0} calls sent before {cutoff:yyyy-MM-dd HH:mm} UTC (older than {keep} days)."));
            return 0;
        });
        return command;
    }

    // The store deletes in small transactions and reports only the total, so the bar follows the rows still to go,
    // read beside it (WAL readers never wait for the deleting writer).
    private static Task<int> WithProgressAsync(StoreTarget target, string path, DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        new Progress(Terminal.Error).AutoClear(true).StartAsync(async context =>
        {
            var before = CountOlder(path, cutoff);
            var bar = context.AddTask("Pruning calls", maxValue: Math.Max(1, before));
            var prune = target.Store.RunRetentionAsync(cancellationToken);
            while (!prune.IsCompleted)
            {
                await Task.WhenAny(prune, Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken)).ConfigureAwait(false);
                bar.Value = Math.Max(0, before - CountOlder(path, cutoff));
            }

            bar.Value = bar.MaxValue;
            return await prune.ConfigureAwait(false);
        });

    // The rows still to go as the store's retention finds them (an indexed range, not a scan of the table).
    private static long CountOlder(string path, DateTimeOffset cutoff)
    {
        using var connection = new SqliteConnection(SqliteFileCheck.ReadOnlyConnectionString(path, TimeSpan.FromSeconds(1)));
        connection.Open();
        return Retention.CountOlder(connection, new TableNames(SqliteFileCheck.CallsTable), cutoff);
    }
}
