using System.Diagnostics;
using SafeCallLogger.Benchmarks.Infrastructure;
using SafeCallLogger.Reporting;
using SafeCallLogger.Reporting.Sections;
using SafeCallLogger.Sqlite;

namespace SafeCallLogger.Benchmarks;

/// <summary>
/// <c>--report-probe</c>: each query of the HTML report timed alone on the report's 1,000,000-call database, then the
/// whole report once, so that a slow report points at its slow query. A diagnostic beside <see cref="ReportBenchmarks"/>,
/// not a benchmark: one run each, wall-clock.
/// </summary>
public static class ReportProbe
{
    /// <summary>
    /// Times the whole report (twice: cold, then warm); with <paramref name="eachQuery"/>, first every single query
    /// alone; with <paramref name="passes"/>, first the page's totals and each of the two reads of its questions alone.
    /// </summary>
    public static async Task RunAsync(bool eachQuery, bool passes = false)
    {
        var path = await ReportBenchmarks.EnsureDatabaseAsync().ConfigureAwait(false);
        var store = new SqliteCallStore(SqliteFiles.ConnectionString(path));
        if (passes)
        {
            await TimePassesAsync(store).ConfigureAwait(false);
            return;
        }

        if (!eachQuery)
        {
            await TimeReportAsync(store).ConfigureAwait(false);
            await TimeReportAsync(store).ConfigureAwait(false);
            return;
        }

        var queries = new List<(string Name, Func<Task> Run)>
        {
            ("GetTotalsAsync", () => store.GetTotalsAsync()),
            ("GetDailyActivityAsync", () => store.GetDailyActivityAsync()),
            ("GetLineMovementAsync", () => store.GetLineMovementAsync()),
            ("GetTimingAsync()", () => store.GetTimingAsync()),
            ("GetTimingAsync(CallType)", () => store.GetTimingAsync(CallDimension.CallType)),
            ("GetRetentionAsync", () => store.GetRetentionAsync()),
        };
        foreach (var by in new[] { CallDimension.Sport, CallDimension.Bookmaker, CallDimension.BookmakerPair, CallDimension.RoiBand, CallDimension.HourOfDay, CallDimension.Weekday, CallDimension.CallType, CallDimension.Market })
        {
            queries.Add(($"GetConversionAsync({by})", () => store.GetConversionAsync(by)));
        }

        foreach (var by in new[] { CallDimension.Bookmaker, CallDimension.Sport, CallDimension.CallType })
        {
            queries.Add(($"GetResultsAsync({by})", () => store.GetResultsAsync(by)));
        }

        foreach (var by in new[] { CallDimension.Bookmaker, CallDimension.Sport })
        {
            queries.Add(($"GetClvAsync({by})", () => store.GetClvAsync(by)));
        }

        foreach (var by in new[] { CallDimension.Sport, CallDimension.CallType, CallDimension.RoiBand })
        {
            queries.Add(($"GetUserPreferencesAsync({by})", () => store.GetUserPreferencesAsync(by)));
        }

        var total = TimeSpan.Zero;
        foreach (var (name, run) in queries)
        {
            var watch = Stopwatch.StartNew();
            await run().ConfigureAwait(false);
            total += watch.Elapsed;
            Console.WriteLine($"{name,-40} {watch.Elapsed.TotalMilliseconds,10:N0} ms");
        }

        Console.WriteLine($"{"sum of the queries, one by one",-40} {total.TotalMilliseconds,10:N0} ms");
        await TimeReportAsync(store).ConfigureAwait(false);
    }

    // The report's questions split as the SQLite store splits them into its two reads, each timed alone, and the whole
    // report: five rounds, the least of each kept (this host's neighbours add seconds at random).
    private static async Task TimePassesAsync(SqliteCallStore store)
    {
        var all = ReportData.Questions;
        var callsRead = new AnalyticsQuestions { ConversionBy = all.ConversionBy, DailyActivity = all.DailyActivity, ResultsBy = all.ResultsBy, ClvBy = all.ClvBy, LineMovement = all.LineMovement };
        var usersRead = new AnalyticsQuestions { TimingOverall = all.TimingOverall, TimingBy = all.TimingBy, UserPreferencesBy = all.UserPreferencesBy, MinimumNotified = all.MinimumNotified, Retention = all.Retention };
        var steps = new (string Name, Func<Task> Run)[]
        {
            ("AnswerAsync (calls read)", () => store.AnswerAsync(callsRead)),
            ("AnswerAsync (users read)", () => store.AnswerAsync(usersRead)),
            ("HtmlReport.WriteAsync (one AnswerAsync)", () => HtmlReport.WriteAsync(store, store, null, Stream.Null)),
        };
        var least = steps.Select(static _ => (Wall: TimeSpan.MaxValue, Cpu: TimeSpan.MaxValue)).ToArray();
        for (var round = 0; round < 5; round++)
        {
            for (var i = 0; i < steps.Length; i++)
            {
                var (wall, cpu) = await TimeAsync(steps[i].Name, steps[i].Run).ConfigureAwait(false);
                least[i] = (wall < least[i].Wall ? wall : least[i].Wall, cpu < least[i].Cpu ? cpu : least[i].Cpu);
            }
        }

        for (var i = 0; i < steps.Length; i++)
        {
            Console.WriteLine($"least {steps[i].Name,-34} {least[i].Wall.TotalMilliseconds,10:N0} ms {least[i].Cpu.TotalMilliseconds,10:N0} ms CPU");
        }
    }

    // Wall-clock and the process's CPU time.
    private static async Task<(TimeSpan Wall, TimeSpan Cpu)> TimeAsync(string name, Func<Task> run)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await run().ConfigureAwait(false);
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"{name,-40} {watch.Elapsed.TotalMilliseconds,10:N0} ms {cpu.TotalMilliseconds,10:N0} ms CPU");
        return (watch.Elapsed, cpu);
    }

    private static Task TimeReportAsync(SqliteCallStore store) =>
        TimeAsync("HtmlReport.WriteAsync (one AnswerAsync)", () => HtmlReport.WriteAsync(store, store, null, Stream.Null));
}
