using System.CommandLine;
using System.Globalization;
using SafeCallLogger.Cli.Infrastructure;
using SafeCallLogger.Cli.Storage;

namespace SafeCallLogger.Cli.Commands;

/// <summary><c>safecall selftest</c>: the bot's <c>/ml_test</c> from outside: a marked test call logged, read back and removed.</summary>
internal static class SelfTestCommand
{
    public static Command Create()
    {
        var timeout = new Option<double>("--timeout")
        {
            Description = "Seconds the whole test may take. The default is 10.",
            HelpName = "SECONDS",
            DefaultValueFactory = static _ => 10,
        };
        var command = new Command("selftest", "Logs a marked test call through a logger on the same database, reads it back and removes it (/ml_test).") { timeout };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var seconds = parse.GetValue(timeout);
            if (!(seconds > 0 && seconds <= 600))
            {
                throw CliException.BadArguments("--timeout must be between 0 and 600 seconds");
            }

            var target = StorageSwitches.Open(parse);

            // A logger of its own on the same storage. No journal: a running bot may own the journal beside the
            // database, and the test call must go straight to storage to prove the path works.
            var options = new CallLoggerOptions();
            options.Journal.Mode = JournalMode.Off;
            var logger = new CallLogger(target.CreateSink(), options);
            SelfTestResult result;
            await using (logger.ConfigureAwait(false))
            {
                result = await target.Store.SelfTestAsync(logger, TimeSpan.FromSeconds(seconds), cancellationToken).ConfigureAwait(false);
            }

            if (!result.Success)
            {
                throw new CliException(ExitCodes.Failure, "self-test failed: " + result.Message);
            }

            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Self-test passed in {result.Elapsed.TotalMilliseconds:0} ms: {result.Message}"));
            return 0;
        });
        return command;
    }
}
