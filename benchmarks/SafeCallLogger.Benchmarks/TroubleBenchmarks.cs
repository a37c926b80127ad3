using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using SafeCallLogger.Benchmarks.Infrastructure;
using SafeCallLogger.Sqlite;

namespace SafeCallLogger.Benchmarks;

/// <summary>
/// The enqueue while storage is in trouble, against the same logger with a healthy sink. All loggers use
/// <see cref="QueueFullMode.DropOldest"/> and a capacity of 1,000,000 (so that the healthy writer, which can lag a
/// producer that does nothing but log, does not fill it). The troubled loggers are filled in GlobalSetup: a benchmark
/// makes millions of calls, so a stuck sink fills any queue anyway, and under DropOldest every later call is still a
/// real, accepted channel write (it evicts the oldest operation, counted as overwritten): the steady state of an
/// outage. Under the default RejectNew the measured
/// call would be the queue-full early return instead, so that case is listed separately for information. The locked
/// case is a real <see cref="SqliteCallSink"/> on a file where another connection holds <c>BEGIN IMMEDIATE</c>
/// for the whole run; the sink's default busy timeout and lock retries apply, and the logger never disables itself
/// (threshold raised) so that every measured call is accepted.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class TroubleBenchmarks
{
    private const int Capacity = 1_000_000;

    private readonly CallRecord _withId = Calls.Arbitrage("3f2a9c0d1e4b5a67");
    private CallLogger _healthy = null!;
    private CallLogger _hung = null!;
    private CallLogger _hungRejectNew = null!;
    private CallLogger _locked = null!;
    private SqliteCallSink _lockedSink = null!;
    private SqliteConnection _lockHolder = null!;

    [GlobalSetup]
    public void Setup()
    {
        _healthy = new CallLogger(new CountingSink(), Options(QueueFullMode.DropOldest));
        _hung = new CallLogger(new HungSink(), Options(QueueFullMode.DropOldest));
        _hungRejectNew = new CallLogger(new HungSink(), Options(QueueFullMode.RejectNew));

        // Another connection takes the write lock and keeps it for the whole benchmark.
        var path = SqliteFiles.Fresh("locked.db");
        SqliteFiles.CreateWithSinkAsync(path).GetAwaiter().GetResult();
        _lockHolder = new SqliteConnection(SqliteFiles.ConnectionString(path));
        _lockHolder.Open();
        using (var command = _lockHolder.CreateCommand())
        {
            command.CommandText = "BEGIN IMMEDIATE; DELETE FROM arbitrage_calls;";
            command.ExecuteNonQuery();
        }

        _lockedSink = new SqliteCallSink(SqliteFiles.ConnectionString(path));
        _locked = new CallLogger(_lockedSink, Options(QueueFullMode.DropOldest));

        for (var i = 0; i < Capacity + 1000; i++)
        {
            _hung.LogCallSafe(_withId);
            _hungRejectNew.LogCallSafe(_withId);
            _locked.LogCallSafe(_withId);
        }

        Checks.Status(_hung.LogCallSafe(_withId), LogStatus.Accepted, "hung, DropOldest");
        Checks.Status(_hungRejectNew.LogCallSafe(_withId), LogStatus.QueueFull, "hung, RejectNew");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Checks.AllAccepted(_healthy, "healthy");
        Checks.AllAccepted(_hung, "hung sink, DropOldest");
        Checks.AllAccepted(_locked, "SQLite write-locked, DropOldest");
        var locked = _locked.GetHealth();
        if (locked.Written != 0)
        {
            throw new InvalidOperationException($"The locked sink wrote {locked.Written} operations: the lock was not held.");
        }

        Console.WriteLine($"// CHECK SQLite write-locked: errors so far {locked.Errors}, last error {locked.LastError}");
        Console.WriteLine($"// CHECK hung sink, RejectNew: queue full {_hungRejectNew.GetHealth().DroppedQueueFull}");
        foreach (var logger in new[] { _healthy, _hung, _hungRejectNew, _locked })
        {
            _ = logger.StopAsync(TimeSpan.FromMilliseconds(100)).GetAwaiter().GetResult();
        }

        using (var command = _lockHolder.CreateCommand())
        {
            command.CommandText = "ROLLBACK;";
            command.ExecuteNonQuery();
        }

        _lockHolder.Dispose();
        SqliteConnection.ClearAllPools();
        _ = _lockedSink.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(30));
    }

    [Benchmark(Baseline = true, Description = "Healthy sink")]
    public LogResult Healthy() => _healthy.LogCallSafe(_withId);

    [Benchmark(Description = "Hung sink (DropOldest)")]
    public LogResult Hung() => _hung.LogCallSafe(_withId);

    [Benchmark(Description = "SQLite write-locked by another connection (DropOldest)")]
    public LogResult Locked() => _locked.LogCallSafe(_withId);

    [Benchmark(Description = "Hung sink, RejectNew (queue-full return)")]
    public LogResult HungRejectNew() => _hungRejectNew.LogCallSafe(_withId);

    internal static CallLoggerOptions Options(QueueFullMode mode) => new()
    {
        QueueCapacity = Capacity,
        QueueFullMode = mode,
        DisableAfterConsecutiveErrors = 1_000_000,
        WriteTimeout = TimeSpan.FromMinutes(10),
    };
}
