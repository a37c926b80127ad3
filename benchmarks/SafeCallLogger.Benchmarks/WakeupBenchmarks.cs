using BenchmarkDotNet.Attributes;
using SafeCallLogger.Benchmarks.Infrastructure;

namespace SafeCallLogger.Benchmarks;

/// <summary>
/// Why the enqueue costs what it costs: the same LogCallSafe (supplied id) with the writer tuned three ways, and the
/// floor with an eager and a lazy reader. When the consumer is parked in WaitToReadAsync, every TryWrite has to hand
/// it to the thread pool (and sometimes wake a thread); a consumer that pauses between batches is rarely parked, so
/// the producer rarely pays for a wake-up.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class WakeupBenchmarks
{
    private const int Capacity = 1_000_000;

    private readonly CallRecord _withId = Calls.Arbitrage("3f2a9c0d1e4b5a67");
    private CallOperation _operation;
    private FloorChannel _eager = null!;
    private FloorChannel _lazy = null!;
    private CallLogger _default = null!;
    private CallLogger _bigBatches = null!;
    private CallLogger _delayed = null!;

    [GlobalSetup]
    public void Setup()
    {
        _operation = Calls.Operation(_withId, "3f2a9c0d1e4b5a67");
        _eager = new FloorChannel(Capacity);
        _lazy = new FloorChannel(Capacity, pause: TimeSpan.FromMilliseconds(1));
        _default = new CallLogger(new CountingSink(), new CallLoggerOptions { QueueCapacity = Capacity, QueueFullMode = QueueFullMode.DropOldest });
        _bigBatches = new CallLogger(new CountingSink(), new CallLoggerOptions { QueueCapacity = Capacity, QueueFullMode = QueueFullMode.DropOldest, MaxBatchSize = 100_000 });
        _delayed = new CallLogger(new CountingSink(), new CallLoggerOptions { QueueCapacity = Capacity, QueueFullMode = QueueFullMode.DropOldest, MaxBatchSize = 100_000, MaxBatchDelay = TimeSpan.FromMilliseconds(1) });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _eager.Dispose();
        _lazy.Dispose();
        Checks.AllAccepted(_default, "default writer");
        Checks.AllAccepted(_bigBatches, "MaxBatchSize 100,000");
        Checks.AllAccepted(_delayed, "MaxBatchDelay 1 ms");
        _default.Dispose();
        _bigBatches.Dispose();
        _delayed.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Floor, eager reader")]
    public bool FloorEager() => _eager.Write(_operation);

    [Benchmark(Description = "Floor, reader pausing 1 ms between drains")]
    public bool FloorLazy() => _lazy.Write(_operation);

    [Benchmark(Description = "LogCallSafe, default options")]
    public LogResult Default() => _default.LogCallSafe(_withId);

    [Benchmark(Description = "LogCallSafe, MaxBatchSize 100,000")]
    public LogResult BigBatches() => _bigBatches.LogCallSafe(_withId);

    [Benchmark(Description = "LogCallSafe, MaxBatchDelay 1 ms")]
    public LogResult Delayed() => _delayed.LogCallSafe(_withId);
}
