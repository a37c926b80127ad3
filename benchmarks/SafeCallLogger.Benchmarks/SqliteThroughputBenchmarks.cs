using BenchmarkDotNet.Attributes;
using SafeCallLogger.Benchmarks.Infrastructure;
using SafeCallLogger.Sqlite;

namespace SafeCallLogger.Benchmarks;

/// <summary>
/// Calls written end to end to SQLite: 5,000 distinct calls per invocation through <see cref="CallLogger"/> and
/// <see cref="SqliteCallSink"/> (default batching), then FlushAsync until all are written; against the floor, the
/// same rows inserted by one prepared INSERT in one transaction. Per-call time; calls per second = 1 / Mean.
/// Both sides get the same fresh records (new ids every invocation, so every row is an insert).
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class SqliteThroughputBenchmarks
{
    private const int Rows = 5_000;

    private readonly CallRecord[] _calls = new CallRecord[Rows];
    private SqliteCallSink _sink = null!;
    private CallLogger _logger = null!;
    private RawInserter _raw = null!;
    private int _generation;

    [GlobalSetup]
    public void Setup()
    {
        var e2e = SqliteFiles.Fresh("throughput-e2e.db");
        var raw = SqliteFiles.Fresh("throughput-raw.db");
        SqliteFiles.CreateWithSinkAsync(raw).GetAwaiter().GetResult();
        _sink = new SqliteCallSink(SqliteFiles.ConnectionString(e2e));
        _logger = new CallLogger(_sink, new CallLoggerOptions { QueueCapacity = Rows * 2 });
        _raw = new RawInserter(raw);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Checks.AllAccepted(_logger, "sqlite e2e");
        var health = _logger.GetHealth();
        if (health.Errors != 0)
        {
            throw new InvalidOperationException($"The SQLite sink failed {health.Errors} writes: {health.LastError}");
        }

        _logger.Dispose();
        _sink.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _raw.Dispose();
    }

    [IterationSetup]
    public void NewCalls()
    {
        // Fresh distinct calls (a new generation of ids) before every invocation: every row is an insert.
        _generation++;
        for (var i = 0; i < Rows; i++)
        {
            _calls[i] = Calls.Arbitrage($"g{_generation:x6}n{i:x6}", i, withTime: true);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Rows, Description = "Raw prepared INSERT, one transaction")]
    public void RawInsert() => _raw.InsertAll(_calls);

    [Benchmark(OperationsPerInvoke = Rows, Description = "CallLogger + SqliteCallSink + FlushAsync")]
    public async Task<long> EndToEnd()
    {
        foreach (var call in _calls)
        {
            _logger.LogCallSafe(call);
        }

        var flushed = await _logger.FlushAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        return flushed.Completed ? flushed.Written : throw new InvalidOperationException("Flush did not complete: " + flushed);
    }
}
