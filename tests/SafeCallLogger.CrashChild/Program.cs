using System.Diagnostics;
using System.Globalization;
using System.Text;
using SafeCallLogger;

namespace SafeCallLogger.CrashChild;

/// <summary>
/// Logs calls with ids <c>{prefix}{counter:D8}</c> at a rate and writes one flushed stdout line per call:
/// <c>A id</c> when accepted, <c>R id status</c> otherwise; a killed child's lines are still in the pipe for the
/// parent. At the end (unless killed): disposes the logger (unless <c>--no-dispose</c>) and prints <c>DONE</c> and the
/// health on one line.
/// Exit code 2 on an exception, with it on stderr.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] argv)
    {
        var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
        try
        {
            var args = ChildArguments.Parse(argv);
            var child = await ChildLogger.CreateAsync(args);
            if (args.NoDispose)
            {
                // What a bot that forgets Dispose does: only the logger's process-exit handler writes the queue now.
                Log(child.Logger, args, output);
                output.WriteLine("DONE " + child.Logger.GetHealth());
                return 0;
            }

            await using (child)
            {
                Log(child.Logger, args, output);
                if (args.Hold)
                {
                    await Console.In.ReadToEndAsync();
                }

                await child.Logger.FlushAsync(TimeSpan.FromSeconds(30));
            }

            output.WriteLine("DONE " + child.Logger.GetHealth());
            return 0;
        }
        catch (Exception error)
        {
            await Console.Error.WriteLineAsync(error.ToString());
            return 2;
        }
    }

    private static void Log(ICallLogger logger, ChildArguments args, StreamWriter output)
    {
        var clock = Stopwatch.StartNew();
        for (long n = 0; args.Count == 0 || n < args.Count; n++)
        {
            // Pacing: call n is due at n / rate seconds; sleeping a millisecond at a time keeps a 2-core machine free.
            while (args.Rate > 0 && clock.ElapsedTicks < n * Stopwatch.Frequency / args.Rate)
            {
                Thread.Sleep(1);
            }

            var id = args.Prefix + n.ToString("D8", CultureInfo.InvariantCulture);
            var result = logger.LogCallSafe(Call(id));
            output.WriteLine(result.IsAccepted ? "A " + id : "R " + id + " " + result.Status);
            if (args.ClickUser is { } user)
            {
                // Reported like calls only when refused (the parent counts accepted calls, not clicks).
                foreach (var clicker in (long[])[user, 0])
                {
                    var click = logger.IncrementClickSafe(id, clicker);
                    if (!click.IsAccepted)
                    {
                        output.WriteLine("R click:" + id + " " + click.Status);
                    }
                }
            }
        }
    }

    private static CallRecord Call(string id) => new()
    {
        CallId = id,
        CallType = CallType.Arbitrage,
        Sport = "basketball_nba",
        League = "NBA",
        TeamA = "Lakers",
        TeamB = "Celtics",
        BookmakerA = "bet365",
        BookmakerB = "pinnacle",
        MarketType = "h2h",
        OddsA = 2.10,
        OddsB = 2.05,
        RoiPercent = 3.7,
        UsersNotified = 1,
        DataSource = "crash_child",
    };
}
