using BenchmarkDotNet.Attributes;
using SafeCallLogger.Benchmarks.Infrastructure;
using SafeCallLogger.PostgreSql;

namespace SafeCallLogger.Benchmarks;

/// <summary>
/// Calls written end to end to PostgreSQL (issue 10): 5,000 distinct calls per invocation through
/// <see cref="CallLogger"/> and <see cref="PostgreSqlCallSink"/>, then FlushAsync until all are written; against the
/// floor, a binary COPY of the same rows (all 34 columns) into a plain table with the same columns, primary key and
/// indexes (no stats triggers, no applied-ops or per-user tables), in one transaction. Per-call time; calls per
/// second = 1 / Mean. A server of the benchmark's own (<see cref="PgBenchServer"/>), one database per side. Fresh ids
/// every invocation, so every row is an insert on both sides.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class PostgreSqlThroughputBenchmarks
{
    private const int Rows = 5_000;

    private readonly CallRecord[] _calls = new CallRecord[Rows];
    private PgBenchServer _server = null!;
    private PgCopyFloor _floor = null!;
    private PostgreSqlCallSink _sink = null!;
    private CallLogger _logger = null!;
    private PostgreSqlCallSink _bigSink = null!;
    private CallLogger _bigBatches = null!;
    private string _e2e = string.Empty;
    private string _e2eBig = string.Empty;
    private string _raw = string.Empty;
    private int _generation;

    [GlobalSetup]
    public void Setup()
    {
        _server = new PgBenchServer();
        Console.WriteLine($"// PostgreSQL {_server.Version} on 127.0.0.1:{_server.Port}, load {Load.Now()}");
        _raw = _server.CreateDatabase();
        _floor = PgCopyFloor.CreateAsync(_raw).GetAwaiter().GetResult();
        _e2e = _server.CreateDatabase();
        _sink = new PostgreSqlCallSink(_e2e);
        _logger = new CallLogger(_sink, new CallLoggerOptions { QueueCapacity = Rows * 2 });
        _e2eBig = _server.CreateDatabase();
        _bigSink = new PostgreSqlCallSink(_e2eBig);
        _bigBatches = new CallLogger(_bigSink, new CallLoggerOptions { QueueCapacity = Rows * 2, MaxBatchSize = Rows });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var logger in new[] { _logger, _bigBatches })
        {
            Checks.AllAccepted(logger, "postgresql e2e");
            var health = logger.GetHealth();
            if (health.Errors != 0)
            {
                throw new InvalidOperationException($"The PostgreSQL sink failed {health.Errors} writes: {health.LastError}");
            }

            logger.Dispose();
        }

        _sink.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _bigSink.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Console.WriteLine($"// CHECK rows: e2e {Count(_e2e, "arbitrage_calls")}, e2e-big {Count(_e2eBig, "arbitrage_calls")}, copy indexed {Count(_raw, "calls_indexed")}, copy bare {Count(_raw, "calls_bare")}; load {Load.Now()}");
        _floor.Dispose();
        _server.Dispose();
    }

    [IterationSetup]
    public void NewCalls()
    {
        _generation++;
        for (var i = 0; i < Rows; i++)
        {
            _calls[i] = Calls.Arbitrage($"g{_generation:x6}n{i:x6}", i, withTime: true);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Rows, Description = "Binary COPY, plain table with the same columns, PK and 4 indexes")]
    public ulong CopyIndexed() => _floor.Copy("calls_indexed", _calls);

    [Benchmark(OperationsPerInvoke = Rows, Description = "Binary COPY, same columns, no key or index")]
    public ulong CopyBare() => _floor.Copy("calls_bare", _calls);

    [Benchmark(OperationsPerInvoke = Rows, Description = "CallLogger + PostgreSqlCallSink + FlushAsync")]
    public Task<long> EndToEnd() => LogAndFlushAsync(_logger);

    [Benchmark(OperationsPerInvoke = Rows, Description = "CallLogger (MaxBatchSize 5,000) + PostgreSqlCallSink + FlushAsync")]
    public Task<long> EndToEndBigBatches() => LogAndFlushAsync(_bigBatches);

    // The case that ran has every invocation's rows; a sink that never wrote has no table yet.
    private static string Count(string connectionString, string table)
    {
        try
        {
            return Convert.ToString(PgBenchServer.Scalar(connectionString, $"SELECT count(*) FROM {table}"), System.Globalization.CultureInfo.InvariantCulture)!;
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.UndefinedTable)
        {
            return "none (this case did not run)";
        }
    }

    private async Task<long> LogAndFlushAsync(CallLogger logger)
    {
        foreach (var call in _calls)
        {
            logger.LogCallSafe(call);
        }

        var flushed = await logger.FlushAsync(TimeSpan.FromSeconds(120)).ConfigureAwait(false);
        return flushed.Completed ? flushed.Written : throw new InvalidOperationException("Flush did not complete: " + flushed);
    }
}
