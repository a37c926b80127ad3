using System.CommandLine;
using SafeCallLogger.Cli.Commands;
using SafeCallLogger.Cli.Infrastructure;
using SafeCallLogger.Cli.Storage;

namespace SafeCallLogger.Cli;

/// <summary>The command tree and the one place where any failure becomes an exit code and one line on stderr.</summary>
internal static class SafecallApp
{
    public static RootCommand Build()
    {
        var root = new RootCommand("safecall: answers from a SafeCallLogger database (the calls a bot sent, their clicks and results).");
        StorageSwitches.AddTo(root);
        root.Add(StatsCommand.Create());
        root.Add(BreakdownCommand.Create());
        root.Add(UsersCommand.Create());
        root.Add(ClvCommand.Create());
        root.Add(ResultsCommand.Create());
        root.Add(DailyCommand.Create());
        root.Add(TimingCommand.Create());
        root.Add(RetentionCommand.Create());
        root.Add(LinesCommand.Create());
        root.Add(ReportCommand.Create());
        root.Add(ExportCommand.Create());
        root.Add(BackupCommand.Create());
        root.Add(PruneCommand.Create());
        root.Add(SelfTestCommand.Create());
        root.Add(DoctorCommand.Create());
        root.Add(WatchCommand.Create());
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var parse = Build().Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One line, the first problem (a list of accepted values folded into it); the usage is one --help away.
            var message = string.Join(' ', parse.Errors[0].Message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            await Console.Error.WriteLineAsync("safecall: " + message + " (see safecall --help)").ConfigureAwait(false);
            return ExitCodes.BadArguments;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The tool's last line of defence: every failure is one line and an exit code, never a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var (code, line) = ErrorReport.Describe(e);
            await Console.Error.WriteLineAsync("safecall: " + line).ConfigureAwait(false);
            return code;
        }
    }
}
