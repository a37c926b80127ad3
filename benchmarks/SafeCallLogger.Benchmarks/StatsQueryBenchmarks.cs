using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using SafeCallLogger.Benchmarks.Infrastructure;
using SafeCallLogger.Sqlite;

namespace SafeCallLogger.Benchmarks;

/// <summary>
/// The /ml_stats query (<see cref="SqliteCallStore.GetStatsAsync"/>) on 1,000,000 stored calls, against the cheapest
/// full answer SQLite can give on the same file (<c>SELECT COUNT(*)</c>). The database is built once through the
/// sink itself in batches of 10,000 (calls, a click on 1 in 5, a result on 1 in 2) and cached under
/// BenchmarkDotNet.Artifacts/db; delete the file to rebuild it.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class StatsQueryBenchmarks
{
    public const int CallCount = 1_000_000;
    private const int Batch = 10_000;

    private static readonly string[] Sports = ["basketball_nba", "soccer_epl", "tennis_atp", "americanfootball_nfl", "icehockey_nhl", "baseball_mlb", "soccer_laliga", "mma_ufc"];
    private static readonly string[] Books = ["pinnacle", "bet365", "unibet", "betway", "williamhill", "draftkings", "fanduel", "bwin", "betfair", "1xbet"];

    private SqliteCallStore _store = null!;
    private SqliteConnection _connection = null!;

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(Paths.Scratch, "stats-1m.db");
        if (!File.Exists(path) || SqliteFiles.Count(path) < CallCount)
        {
            BuildAsync(SqliteFiles.Fresh("stats-1m.db")).GetAwaiter().GetResult();
        }

        // Open the cached file through the sink once (a click on an existing call; no new row), so that a file built
        // by an older schema version is upgraded in place as a deployment would be.
        UpgradeAsync(path).GetAwaiter().GetResult();
        var rows = SqliteFiles.Count(path);
        Console.WriteLine($"// CHECK stats database: {rows} calls in {path}");
        _store = new SqliteCallStore(SqliteFiles.ConnectionString(path));
        var stats = _store.GetStatsAsync().GetAwaiter().GetResult();
        if (stats.TotalCalls != rows)
        {
            throw new InvalidOperationException($"GetStatsAsync counted {stats.TotalCalls} calls, the table holds {rows}.");
        }

        _connection = new SqliteConnection(SqliteFiles.ConnectionString(path));
        _connection.Open();
    }

    [GlobalCleanup]
    public void Cleanup() => _connection.Dispose();

    [Benchmark(Baseline = true, Description = "SELECT COUNT(*) (floor)")]
    public long Count()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM arbitrage_calls";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    [Benchmark(Description = "SqliteCallStore.GetStatsAsync")]
    public async Task<long> Stats() => (await _store.GetStatsAsync().ConfigureAwait(false)).TotalCalls;

    private static async Task UpgradeAsync(string path)
    {
        await using var sink = new SqliteCallSink(SqliteFiles.ConnectionString(path));
        var click = new CallOperation { OperationId = Guid.NewGuid(), Kind = CallOperationKind.AddClick, CallId = 0.ToString("x16", CultureInfo.InvariantCulture), Timestamp = Calls.BaseTime, UserId = 1 };
        await sink.WriteAsync([click], CancellationToken.None).ConfigureAwait(false);
    }

    public static async Task BuildAsync(string path)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await using var sink = new SqliteCallSink(SqliteFiles.ConnectionString(path));
        var operations = new List<CallOperation>(Batch * 2);
        for (var i = 0; i < CallCount; i++)
        {
            var sentAt = Calls.BaseTime.AddDays(-300).AddSeconds(i * 25L);
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
                MarketType = "h2h",
                OddsA = 1.5 + ((i % 100) / 50.0),
                OddsB = 1.5 + ((i % 77) / 40.0),
                RoiPercent = (i % 700) / 100.0,
                TotalStake = 100,
                ExpectedProfit = (i % 700) / 100.0,
                UsersNotified = 50 + (i % 200),
                DataSource = "bench",
                AlertSentAt = sentAt,
            };
            operations.Add(new CallOperation { OperationId = Guid.NewGuid(), Kind = CallOperationKind.UpsertCall, CallId = call.CallId, Timestamp = sentAt, Call = call, UsersNotified = call.UsersNotified.Value });
            if (i % 5 == 0)
            {
                operations.Add(new CallOperation { OperationId = Guid.NewGuid(), Kind = CallOperationKind.AddClick, CallId = call.CallId, Timestamp = sentAt.AddMinutes(1), UserId = i % 5000 });
            }

            if (i % 2 == 0)
            {
                operations.Add(new CallOperation { OperationId = Guid.NewGuid(), Kind = CallOperationKind.SetResult, CallId = call.CallId, Timestamp = sentAt.AddHours(3), Outcome = (CallOutcome)(i % 4), Profit = (i % 11) - 5 });
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
