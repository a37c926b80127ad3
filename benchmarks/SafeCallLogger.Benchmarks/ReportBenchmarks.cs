using System.Globalization;
using BenchmarkDotNet.Attributes;
using SafeCallLogger.Benchmarks.Infrastructure;
using SafeCallLogger.Reporting;
using SafeCallLogger.Sqlite;

namespace SafeCallLogger.Benchmarks;

/// <summary>
/// <c>safecall report --html</c> on 1,000,000 stored calls (issue 11: under 5 s): <see cref="HtmlReport.WriteAsync(ICallStore, ICallAnalytics, AnalyticsFilter?, Stream, CancellationToken)"/> (one <see cref="ICallAnalytics.AnswerAsync"/>),
/// every query of the page and its rendering, against one of those queries alone (conversion by sport, one scan of
/// the table). The database is built once through the sink in batches (every call with a lifetime, a line movement
/// speed and three notified users out of 5,000; a click on 1 in 5; a result and closing lines on 1 in 2) and cached
/// under BenchmarkDotNet.Artifacts/db (<c>--build-report-db</c> builds it before the run: on a busy machine it takes
/// longer than the in-process toolchain gives a setup); delete report-1m.db to rebuild it.
/// </summary>
[Config(typeof(SingleShotInProcessConfig))]
public class ReportBenchmarks
{
    public const int CallCount = 1_000_000;
    private const int Batch = 10_000;
    private const int Users = 5_000;

    private static readonly string[] Sports = ["basketball_nba", "soccer_epl", "tennis_atp", "americanfootball_nfl", "icehockey_nhl", "baseball_mlb", "soccer_laliga", "mma_ufc"];
    private static readonly string[] Books = ["pinnacle", "bet365", "unibet", "betway", "williamhill", "draftkings", "fanduel", "bwin", "betfair", "1xbet"];
    private static readonly string[] Markets = ["h2h", "totals", "spreads"];

    private SqliteCallStore _store = null!;
    private long _bytes;

    [GlobalSetup]
    public void Setup()
    {
        var path = EnsureDatabaseAsync().GetAwaiter().GetResult();
        _store = new SqliteCallStore(SqliteFiles.ConnectionString(path));
        Console.WriteLine($"// CHECK report database: {SqliteFiles.Count(path)} calls in {path}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        // One more page, kept to look at (BenchmarkDotNet.Artifacts/report-1m.html).
        using var page = new MemoryStream();
        HtmlReport.WriteAsync(_store, _store, null, page).GetAwaiter().GetResult();
        _bytes = page.Length;
        File.WriteAllBytes(Path.Combine(Paths.Artifacts, "report-1m.html"), page.ToArray());
        Console.WriteLine($"// CHECK report page: {_bytes:N0} bytes");
    }

    [Benchmark(Baseline = true, Description = "GetConversionAsync(Sport) (one query)")]
    public async Task<int> OneQuery() => (await _store.GetConversionAsync(CallDimension.Sport).ConfigureAwait(false)).Count;

    [Benchmark(Description = "HtmlReport.WriteAsync (whole page)")]
    public async Task<long> Report()
    {
        await HtmlReport.WriteAsync(_store, _store, null, Stream.Null).ConfigureAwait(false);
        return _bytes;
    }

    /// <summary>The cached database, built first when missing or short (an interrupted build).</summary>
    public static async Task<string> EnsureDatabaseAsync()
    {
        var path = Path.Combine(Paths.Scratch, "report-1m.db");
        if (!File.Exists(path) || SqliteFiles.Count(path) < CallCount)
        {
            await BuildAsync(SqliteFiles.Fresh("report-1m.db")).ConfigureAwait(false);
        }

        return path;
    }

    public static async Task BuildAsync(string path)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await using var sink = new SqliteCallSink(SqliteFiles.ConnectionString(path));
        var operations = new List<CallOperation>(Batch * 3);
        for (var i = 0; i < CallCount; i++)
        {
            var sentAt = Calls.BaseTime.AddDays(-300).AddSeconds(i * 25L);
            var users = new long[] { i % Users, (i * 7 + 1) % Users, (i * 13 + 2) % Users };
            var call = new CallRecord
            {
                CallId = i.ToString("x16", CultureInfo.InvariantCulture),
                CallType = (CallType)(1 + (i % 3)),
                Sport = Sports[i % Sports.Length],
                League = "league " + (i % 40).ToString(CultureInfo.InvariantCulture),
                TeamA = "Team " + (i % 997).ToString(CultureInfo.InvariantCulture),
                TeamB = "Team " + (i % 991).ToString(CultureInfo.InvariantCulture),
                BookmakerA = Books[i % Books.Length],
                BookmakerB = Books[(i / 7) % Books.Length],
                MarketType = Markets[i % Markets.Length],
                OddsA = 1.5 + ((i % 100) / 50.0),
                OddsB = 1.5 + ((i % 77) / 40.0),
                RoiPercent = (i % 1200) / 100.0 - 1,
                TotalStake = 100,
                ExpectedProfit = (i % 700) / 100.0,
                UsersNotified = users.Length,
                NotifiedUserIds = users,
                LineMovementSpeed = (LineMovementSpeed)(1 + (i % 3)),
                DataSource = "bench",
                AlertSentAt = sentAt,
                ExpiresAt = sentAt.AddMinutes(5 + (i % 55)),
            };
            operations.Add(new CallOperation { OperationId = Guid.NewGuid(), Kind = CallOperationKind.UpsertCall, CallId = call.CallId, Timestamp = sentAt, Call = call, UsersNotified = users.Length });
            if (i % 5 == 0)
            {
                operations.Add(new CallOperation { OperationId = Guid.NewGuid(), Kind = CallOperationKind.AddClick, CallId = call.CallId, Timestamp = sentAt.AddSeconds(20 + (i % 300)), UserId = users[i % 3] });
            }

            if (i % 2 == 0)
            {
                operations.Add(new CallOperation { OperationId = Guid.NewGuid(), Kind = CallOperationKind.SetResult, CallId = call.CallId, Timestamp = sentAt.AddHours(3), Outcome = (CallOutcome)(1 + (i % 3)), Profit = (i % 11) - 5 });
                operations.Add(new CallOperation { OperationId = Guid.NewGuid(), Kind = CallOperationKind.SetClosingLines, CallId = call.CallId, Timestamp = sentAt.AddHours(2), ClosingLineA = 1.45 + ((i % 90) / 45.0), ClosingLineB = 1.55 + ((i % 70) / 36.0) });
            }

            if (operations.Count >= Batch)
            {
                await sink.WriteAsync(operations, CancellationToken.None).ConfigureAwait(false);
                operations.Clear();
            }
        }

        if (operations.Count > 0)
        {
            await sink.WriteAsync(operations, CancellationToken.None).ConfigureAwait(false);
        }

        Console.WriteLine($"// Built {CallCount} calls through the sink in {started.Elapsed.TotalSeconds:0.0} s");
    }
}
