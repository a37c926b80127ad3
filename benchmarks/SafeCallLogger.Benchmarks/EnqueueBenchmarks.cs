using BenchmarkDotNet.Attributes;
using SafeCallLogger.Benchmarks.Infrastructure;

namespace SafeCallLogger.Benchmarks;

/// <summary>
/// What one log call costs the bot's sending thread. The floor is a raw bounded channel write of the same pre-built
/// operation; the logger, Serilog.Sinks.Async and NLog's AsyncTargetWrapper all have a consumer that keeps up (a
/// counting sink, a queue of 1,000,000), and every case checks at cleanup that it measured accepted writes, not a
/// full-queue early return. The logger uses DropOldest: on this shared 2-core machine its writer can fall behind a
/// producer that does nothing but log, and under the default RejectNew the calls made while the queue is full would
/// be the cheap queue-full return; under DropOldest each is still a real channel write (plus an eviction), so a
/// full queue can only make the logger's numbers worse. The overwritten count is printed at cleanup.
/// The RawData case logs the supplied-id call with a 10-field <c>raw_data</c> object: next to the case without it, it
/// shows what the snapshot at the door (serializing the object to JSON text on the caller's thread) costs.
/// The spill and durable cases log the supplied-id call through a logger with a journal (a fresh directory under the
/// artifacts): spill is the healthy path of the SQLite default (memory, plus one read of the journal's last sequence);
/// durable appends every call to the memory-mapped journal before returning. Their queue uses RejectNew (a journal
/// never overwrites), so a writer that falls behind sends calls to the journal only: still a real append.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class EnqueueBenchmarks
{
    private const int Capacity = 1_000_000;
    private const string Template = "Call {CallId} {CallType} {Sport} {TeamA} vs {TeamB} at {BookmakerA}/{BookmakerB} odds {OddsA}/{OddsB} roi {RoiPercent} users {UsersNotified}";

    private readonly CallRecord _withId = Calls.Arbitrage("3f2a9c0d1e4b5a67");
    private readonly CallRecord _withoutId = Calls.Arbitrage(null);

    // The same call with a 10-field raw_data object: the snapshot serializes it on the caller's thread.
    private readonly CallRecord _withRawData = Calls.Arbitrage("3f2a9c0d1e4b5a67", rawData: Calls.RawData10());
    private CallOperation _operation;
    private FloorChannel _floor = null!;
    private CountingSink _sink = null!;
    private CallLogger _logger = null!;
    private CallLogger _spill = null!;
    private CallLogger _durable = null!;
    private SerilogAsync _serilog = null!;
    private NLogAsync _nlog = null!;
    private NaiveSqlite _naive = null!;
    private long _serilogCalls;
    private long _nlogCalls;

    [GlobalSetup]
    public void Setup()
    {
        _operation = Calls.Operation(_withId, "3f2a9c0d1e4b5a67");
        _floor = new FloorChannel(Capacity);
        _sink = new CountingSink();
        _logger = new CallLogger(_sink, new CallLoggerOptions { QueueCapacity = Capacity, QueueFullMode = QueueFullMode.DropOldest });
        _spill = Journaled(JournalMode.Spill);
        _durable = Journaled(JournalMode.Durable);
        _serilog = new SerilogAsync(Capacity);
        _nlog = new NLogAsync(Capacity);
        _naive = new NaiveSqlite("naive.db");
        Checks.Status(_logger.LogCallSafe(_withId), LogStatus.Accepted, "LogCallSafe with id");
        Checks.Status(_logger.LogCallSafe(_withoutId), LogStatus.Accepted, "LogCallSafe without id");
        Checks.Status(_logger.LogCallSafe(_withRawData), LogStatus.Accepted, "LogCallSafe with 10-field RawData");
        Checks.Status(_logger.IncrementClickSafe("3f2a9c0d1e4b5a67", 42), LogStatus.Accepted, "IncrementClickSafe");
        Checks.Status(_spill.LogCallSafe(_withId), LogStatus.Accepted, "LogCallSafe, spill journal");
        Checks.Status(_durable.LogCallSafe(_withId), LogStatus.Accepted, "LogCallSafe, durable journal");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _floor.Dispose();
        Checks.AllAccepted(_logger, "logger");
        _logger.Dispose();
        Checks.AllAccepted(_spill, "spill journal");
        Checks.AllAccepted(_durable, "durable journal");
        _spill.Dispose();
        _durable.Dispose();
        _nlog.Flush();
        _serilog.Dispose();
        Console.WriteLine($"// CHECK serilog: logged {_serilogCalls}, reached the sink {_serilog.Emitted} (a difference is events dropped on a full buffer)");
        Console.WriteLine($"// CHECK nlog: logged {_nlogCalls}, reached the target {_nlog.Written} (a difference is events discarded on a full queue)");
        _nlog.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Floor: Channel.TryWrite")]
    public bool Floor() => _floor.Write(_operation);

    [Benchmark(Description = "LogCallSafe, supplied id")]
    public LogResult LogCallSafe_SuppliedId() => _logger.LogCallSafe(_withId);

    [Benchmark(Description = "LogCallSafe, generated id")]
    public LogResult LogCallSafe_GeneratedId() => _logger.LogCallSafe(_withoutId);

    [Benchmark(Description = "LogCallSafe, supplied id, 10-field RawData")]
    public LogResult LogCallSafe_RawData10() => _logger.LogCallSafe(_withRawData);

    [Benchmark(Description = "LogCallSafe, supplied id, spill journal (healthy)")]
    public LogResult LogCallSafe_Spill() => _spill.LogCallSafe(_withId);

    [Benchmark(Description = "LogCallSafe, supplied id, durable journal")]
    public LogResult LogCallSafe_Durable() => _durable.LogCallSafe(_withId);

    [Benchmark(Description = "IncrementClickSafe")]
    public LogResult IncrementClickSafe() => _logger.IncrementClickSafe("3f2a9c0d1e4b5a67", 42);

    [Benchmark(Description = "Serilog + Sinks.Async")]
    public void Serilog()
    {
        var c = _withId;
        _serilogCalls++;
        _serilog.Logger.Information(Template, c.CallId, c.CallType, c.Sport, c.TeamA, c.TeamB, c.BookmakerA, c.BookmakerB, c.OddsA.DecimalValue, c.OddsB.DecimalValue, c.RoiPercent, c.UsersNotified);
    }

    [Benchmark(Description = "NLog AsyncTargetWrapper")]
    public void NLog()
    {
        var c = _withId;
        _nlogCalls++;
        _nlog.Logger.Info(Template, c.CallId, c.CallType, c.Sport, c.TeamA, c.TeamB, c.BookmakerA, c.BookmakerB, c.OddsA.DecimalValue, c.OddsB.DecimalValue, c.RoiPercent, c.UsersNotified);
    }

    [Benchmark(Description = "SQLite insert per call (naive)")]
    public int SqliteNaive() => _naive.InsertOne(_withId);

    private CallLogger Journaled(JournalMode mode)
    {
        var directory = Path.Combine(Paths.Scratch, $"journal-{mode}-{Guid.NewGuid():N}");
        var options = new CallLoggerOptions { QueueCapacity = Capacity };
        options.Journal.Mode = mode;
        options.Journal.Directory = directory;

        // Room for a writer that falls behind for the whole run: a cap reached would measure the refusal instead.
        options.Journal.MaxBytes = 1L << 40;
        options.Journal.SegmentBytes = 64 << 20;
        return new CallLogger(new CountingSink(), options);
    }
}
