using System.Diagnostics;
using SafeCallLogger.Benchmarks.Infrastructure;
using SafeCallLogger.Sqlite;
namespace SafeCallLogger.Benchmarks;
public static class AnswerProbe
{
    public static async Task RunAsync()
    {
        var path = await ReportBenchmarks.EnsureDatabaseAsync().ConfigureAwait(false);
        var store = new SqliteCallStore(SqliteFiles.ConnectionString(path));
        var dims = new[] { CallDimension.Sport, CallDimension.Bookmaker, CallDimension.BookmakerPair, CallDimension.RoiBand, CallDimension.HourOfDay, CallDimension.Weekday, CallDimension.CallType, CallDimension.Market };
        var cases = new (string, AnalyticsQuestions)[]
        {
            ("conversion sport", new() { ConversionBy = [CallDimension.Sport] }),
            ("conversion sport again", new() { ConversionBy = [CallDimension.Sport] }),
            ("conversion x8", new() { ConversionBy = dims }),
            ("call-level all", new() { ConversionBy = dims, DailyActivity = true, ResultsBy = [CallDimension.Bookmaker, CallDimension.Sport, CallDimension.CallType], ClvBy = [CallDimension.Bookmaker, CallDimension.Sport], LineMovement = true }),
            ("timing overall (clicks merge)", new() { TimingOverall = true }),
            ("prefs sport (merge)", new() { UserPreferencesBy = [CallDimension.Sport] }),
            ("prefs x3", new() { UserPreferencesBy = [CallDimension.Sport, CallDimension.CallType, CallDimension.RoiBand] }),
            ("retention", new() { Retention = true }),
        };
        foreach (var (name, q) in cases)
        {
            var w = Stopwatch.StartNew();
            await store.AnswerAsync(q);
            Console.WriteLine($"{name,-40} {w.Elapsed.TotalMilliseconds,10:N0} ms");
        }
    }
}
