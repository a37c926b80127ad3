using System.Diagnostics;
using SafeCallLogger.Benchmarks.Infrastructure;
using SafeCallLogger.Reporting;
using SafeCallLogger.Sqlite;

namespace SafeCallLogger.Benchmarks;

/// <summary>
/// <c>--report-probe</c>: each query of the HTML report timed alone on the report's 1,000,000-call database, then the
/// whole report once, so that a slow report points at its slow query. A diagnostic beside <see cref="ReportBenchmarks"/>,
/// not a benchmark: one run each, wall-clock.
/// </summary>
public static class ReportProbe
{
    /// <summary>Times the whole report (twice: cold, then warm); with <paramref name="eachQuery"/>, first every single query alone.</summary>
    public static async Task RunAsync(bool eachQuery)
    {
        var path = await ReportBenchmarks.EnsureDatabaseAsync().ConfigureAwait(false);
        var store = new SqliteCallStore(SqliteFiles.ConnectionString(path));
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

    private static async Task TimeReportAsync(SqliteCallStore store)
    {
        var report = Stopwatch.StartNew();
        await HtmlReport.WriteAsync(store, store, null, Stream.Null).ConfigureAwait(false);
        Console.WriteLine($"{"HtmlReport.WriteAsync (one AnswerAsync)",-40} {report.Elapsed.TotalMilliseconds,10:N0} ms");
    }
}
