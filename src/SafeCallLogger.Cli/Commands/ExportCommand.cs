using System.CommandLine;
using System.Globalization;
using SafeCallLogger.Cli.Export;
using SafeCallLogger.Cli.Infrastructure;
using SafeCallLogger.Cli.Output;
using SafeCallLogger.Cli.Storage;
using Spectre.Console;

namespace SafeCallLogger.Cli.Commands;

/// <summary><c>safecall export --format csv|jsonl|parquet</c>: the calls or per-user events, from one consistent snapshot.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format", "-f") { Description = "csv (the default), jsonl (JSON Lines) or parquet (needs --output).", DefaultValueFactory = static _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "jsonl", "parquet");
        var rows = new Option<string>("--rows") { Description = "calls (the default: the arbitrage_calls columns) or users (one row per user, call and event).", DefaultValueFactory = static _ => "calls" };
        rows.AcceptOnlyFromAmong("calls", "users");
        var output = new Option<string?>("--output", "-o") { Description = "The file to write (written under a temporary name, then moved into place). The default is standard output.", HelpName = "FILE" };
        var command = new Command("export", "Exports the calls or the per-user events as CSV, JSON Lines or Parquet (typed columns for pandas).") { format, rows, output };
        var time = TimeSwitches.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var kind = parse.GetValue(format);
            var path = parse.GetValue(output);
            if (kind == "parquet" && string.IsNullOrWhiteSpace(path))
            {
                throw CliException.BadArguments("--format parquet needs --output FILE (Parquet is a binary file, not a stream)");
            }

            var zone = time.ReadZone(parse);
            var (since, until) = time.ReadRange(parse, zone);
            var export = new CallExport
            {
                Format = kind == "csv" ? CallExportFormat.Csv : CallExportFormat.JsonLines,
                Rows = parse.GetValue(rows) == "users" ? CallExportRows.UserEvents : CallExportRows.Calls,
                Since = since,
                Until = until,
            };
            var target = StorageSwitches.Open(parse);
            if (string.IsNullOrWhiteSpace(path))
            {
                var stdout = Console.OpenStandardOutput();
                await using (stdout.ConfigureAwait(false))
                {
                    await target.Store.ExportAsync(stdout, export, cancellationToken).ConfigureAwait(false);
                }

                return 0;
            }

            var destination = Path.GetFullPath(path);
            var temporary = destination + ".partial";
            long written;
            try
            {
                written = Terminal.ErrorIsInteractive
                    ? await WithProgressAsync(target, export, kind!, temporary, cancellationToken).ConfigureAwait(false)
                    : await WriteAsync(target, export, kind!, temporary, null, cancellationToken).ConfigureAwait(false);
                File.Move(temporary, destination, overwrite: true);
            }
            finally
            {
                File.Delete(temporary);
            }

            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Exported {written:N0} rows to {destination} ({kind})."));
            return 0;
        });
        return command;
    }

    private static async Task<long> WriteAsync(StoreTarget target, CallExport export, string kind, string file, Action<long>? progress, CancellationToken cancellationToken)
    {
        var stream = new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            if (kind != "parquet")
            {
                var counted = progress is null ? (Stream)stream : new CountingStream(stream, progress);
                return await target.Store.ExportAsync(counted, export, cancellationToken).ConfigureAwait(false);
            }

            // Parquet is written from the store's JSON Lines (same columns, snapshot and range), spooled to a temporary file.
            var spool = Path.GetTempFileName();
            try
            {
                var lines = new FileStream(spool, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
                await using (lines.ConfigureAwait(false))
                {
                    await target.Store.ExportAsync(lines, export with { Format = CallExportFormat.JsonLines }, cancellationToken).ConfigureAwait(false);
                    lines.Position = 0;
                    using var reader = new StreamReader(lines);
                    return await ParquetExport.WriteAsync(reader, export.Rows, stream, progress, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                File.Delete(spool);
            }
        }
    }

    private static async Task<long> WithProgressAsync(StoreTarget target, CallExport export, string kind, string file, CancellationToken cancellationToken)
    {
        // The stored total is the bar's end for a whole export of calls; otherwise the bar just counts.
        var totals = await target.Store.GetTotalsAsync(cancellationToken).ConfigureAwait(false);
        var expected = export.Rows == CallExportRows.Calls && export.Since is null && export.Until is null ? Math.Max(1, totals.TotalCalls) : (double?)null;
        return await new Progress(Terminal.Error).AutoClear(true).StartAsync(async context =>
        {
            var bar = context.AddTask("Exporting " + (export.Rows == CallExportRows.Calls ? "calls" : "user events"), maxValue: expected ?? 1);
            bar.IsIndeterminate = expected is null;
            var written = await WriteAsync(target, export, kind, file, n => bar.Value = Math.Min(n, bar.MaxValue), cancellationToken).ConfigureAwait(false);
            bar.Value = bar.MaxValue;
            return written;
        }).ConfigureAwait(false);
    }
}
