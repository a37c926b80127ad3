using System.CommandLine;
using System.Globalization;
using SafeCallLogger.Cli.Analytics;
using SafeCallLogger.Cli.Infrastructure;
using SafeCallLogger.Cli.Storage;
using SafeCallLogger.Reporting;

namespace SafeCallLogger.Cli.Commands;

/// <summary><c>safecall report --html FILE</c>: one self-contained page with a chart for each of the operator's questions.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var html = new Option<string>("--html")
        {
            Description = "The HTML file to write: one self-contained page (inline SVG and CSS, data embedded, no network).",
            HelpName = "FILE",
            Required = true,
        };
        var command = new Command("report", "Writes the HTML report: conversion, results, CLV, line movement, timing, users and retention, with the numbers behind each chart.") { html };
        var switches = AnalyticsSwitches.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var filter = switches.Read(parse);
            var destination = Path.GetFullPath(parse.GetValue(html) ?? throw CliException.BadArguments("report needs --html FILE"));
            var target = StorageSwitches.Open(parse);
            if (string.Equals(destination, target.SqlitePath, StringComparison.Ordinal))
            {
                throw CliException.BadArguments("the report FILE must not be the database itself");
            }

            // Written beside the destination and moved into place, so a failed report never leaves half a page.
            var temporary = destination + ".partial";
            try
            {
                var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
                await using (stream.ConfigureAwait(false))
                {
                    await HtmlReport.WriteAsync(target.Store, target.Analytics, filter, stream, cancellationToken).ConfigureAwait(false);
                }

                File.Move(temporary, destination, overwrite: true);
            }
            finally
            {
                File.Delete(temporary);
            }

            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Report written: {destination} ({new FileInfo(destination).Length:N0} bytes)"));
            return 0;
        });
        return command;
    }
}
