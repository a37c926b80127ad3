using BenchmarkDotNet.Attributes;
using SafeCallLogger.Benchmarks.Infrastructure;
using SafeCallLogger.Sqlite;

namespace SafeCallLogger.Benchmarks;

/// <summary>
/// Calls written end to end to SQLite: 5,000 distinct calls per invocation through <see cref="CallLogger"/> and
/// <see cref="SqliteCallSink"/> (default batching), then FlushAsync until all are written; against the floor, the
/// same rows inserted by one prepared INSERT in one transaction. Per-call time; calls per second = 1 / Mean.
/// Both sides get the same fresh records (new ids every invocation, so every row is an insert). Two more raw variants
/// split the gap: the sink also records each operation id in its applied-ops table (idempotent replay), and the
/// logger's default batch is 256 operations per transaction.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class SqliteThroughputBenchmarks
{
    private const int Rows = 5_000;

    private readonly CallRecord[] _calls = new CallRecord[Rows];
    private SqliteCallSink _sink = null!;
    private CallLogger _logger = null!;
    private SqliteCallSink _bigSink = null!;
    private CallLogger _bigBatches = null!;
    private SqliteCallSink _directSink = null!;
    private readonly List<CallOperation> _batch = new(256);
    private long _operationIds;
    private string[] _files = [];
    private RawInserter _raw = null!;
    private RawInserter _rawPlain = null!;
    private RawInserter _rawApplied = null!;
    private RawInserter _rawApplied256 = null!;
    private int _generation;

    [GlobalSetup]
    public void Setup()
    {
        var e2e = SqliteFiles.Fresh("throughput-e2e.db");
        var raw = SqliteFiles.Fresh("throughput-raw.db");
        SqliteFiles.CreateWithSinkAsync(raw).GetAwaiter().GetResult();
        _sink = new SqliteCallSink(SqliteFiles.ConnectionString(e2e));
        _logger = new CallLogger(_sink, new CallLoggerOptions { QueueCapacity = Rows * 2 });
        var e2eBig = SqliteFiles.Fresh("throughput-e2e-big.db");
        _bigSink = new SqliteCallSink(SqliteFiles.ConnectionString(e2eBig));
        _bigBatches = new CallLogger(_bigSink, new CallLoggerOptions { QueueCapacity = Rows * 2, MaxBatchSize = Rows });
        _raw = new RawInserter(raw);
        var rawPlain = SqliteFiles.Fresh("throughput-raw-plain.db");
        new NaiveSqlite("throughput-raw-plain.db").InsertOne(Calls.Arbitrage("x"));
        _rawPlain = new RawInserter(rawPlain);
        var rawApplied = SqliteFiles.Fresh("throughput-raw-applied.db");
        SqliteFiles.CreateWithSinkAsync(rawApplied).GetAwaiter().GetResult();
        _rawApplied = new RawInserter(rawApplied, withAppliedOps: true);
        var rawApplied256 = SqliteFiles.Fresh("throughput-raw-applied-256.db");
        SqliteFiles.CreateWithSinkAsync(rawApplied256).GetAwaiter().GetResult();
        _rawApplied256 = new RawInserter(rawApplied256, withAppliedOps: true, rowsPerTransaction: 256);
        var direct = SqliteFiles.Fresh("throughput-sink-direct.db");
        _directSink = new SqliteCallSink(SqliteFiles.ConnectionString(direct));
        _files = [raw, rawPlain, rawApplied, rawApplied256, direct, e2e, e2eBig];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var logger in new[] { _logger, _bigBatches })
        {
            Checks.AllAccepted(logger, "sqlite e2e");
            var health = logger.GetHealth();
            if (health.Errors != 0)
            {
                throw new InvalidOperationException($"The SQLite sink failed {health.Errors} writes: {health.LastError}");
            }

            logger.Dispose();
        }

        _sink.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _bigSink.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _directSink.DisposeAsync().AsTask().GetAwaiter().GetResult();
        foreach (var file in _files)
        {
            // The case that ran has every invocation's rows (plus the schema call for the raw files); the others 0 or 1.
            try
            {
                Console.WriteLine($"// CHECK rows in {Path.GetFileName(file)}: {SqliteFiles.Count(file)}");
            }
            catch (Microsoft.Data.Sqlite.SqliteException)
            {
                Console.WriteLine($"// CHECK rows in {Path.GetFileName(file)}: none (this case did not run)");
            }
        }
        _raw.Dispose();
        _rawPlain.Dispose();
        _rawApplied.Dispose();
        _rawApplied256.Dispose();
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

    [Benchmark(OperationsPerInvoke = Rows, Description = "Raw INSERT into the seed's plain table (4 indexes, no stats triggers)")]
    public void RawInsertPlainTable() => _rawPlain.InsertAll(_calls);

    [Benchmark(OperationsPerInvoke = Rows, Description = "Raw + applied-ops row per call (sink's idempotency)")]
    public void RawInsertWithAppliedOps() => _rawApplied.InsertAll(_calls);

    [Benchmark(OperationsPerInvoke = Rows, Description = "Raw + applied-ops row, 256 rows per transaction")]
    public void RawInsertWithAppliedOps256() => _rawApplied256.InsertAll(_calls);

    [Benchmark(OperationsPerInvoke = Rows, Description = "SqliteCallSink.WriteAsync direct, 256-op batches (no logger)")]
    public async Task SinkDirect()
    {
        for (var start = 0; start < Rows; start += 256)
        {
            _batch.Clear();
            for (var i = start; i < Math.Min(Rows, start + 256); i++)
            {
                var call = _calls[i];
                _batch.Add(new CallOperation
                {
                    OperationId = NextOperationId(),
                    Kind = CallOperationKind.UpsertCall,
                    CallId = call.CallId!,
                    Timestamp = call.AlertSentAt!.Value,
                    Call = call,
                    UsersNotified = call.UsersNotified ?? 1,
                });
            }

            await _directSink.WriteAsync(_batch, CancellationToken.None).ConfigureAwait(false);
        }
    }

    [Benchmark(OperationsPerInvoke = Rows, Description = "CallLogger + SqliteCallSink + FlushAsync")]
    public Task<long> EndToEnd() => LogAndFlushAsync(_logger);

    [Benchmark(OperationsPerInvoke = Rows, Description = "CallLogger (MaxBatchSize 5,000) + SqliteCallSink + FlushAsync")]
    public Task<long> EndToEndBigBatches() => LogAndFlushAsync(_bigBatches);

    // As the logger's writer does: a fixed prefix and a big-endian sequence, so ids arrive in key order in the
    // applied-ops table (a little-endian counter here made this case about twice as slow in one run).
    private Guid NextOperationId()
    {
        Span<byte> bytes = stackalloc byte[16];
        bytes[0] = 0xbe;
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(bytes[8..], ++_operationIds);
        return new Guid(bytes);
    }

    private async Task<long> LogAndFlushAsync(CallLogger logger)
    {
        foreach (var call in _calls)
        {
            logger.LogCallSafe(call);
        }

        var flushed = await logger.FlushAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        return flushed.Completed ? flushed.Written : throw new InvalidOperationException("Flush did not complete: " + flushed);
    }
}
