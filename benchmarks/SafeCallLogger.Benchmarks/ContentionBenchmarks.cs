using BenchmarkDotNet.Attributes;
using SafeCallLogger.Benchmarks.Infrastructure;

namespace SafeCallLogger.Benchmarks;

/// <summary>
/// Several bot threads logging at once: each invocation has every producer thread make its share of
/// <see cref="Calls"/> calls (16,000 in all), so the numbers are per call. Producers are dedicated threads started in
/// GlobalSetup and released together by a barrier. Note that 8 producers on this 2-core machine also compete with the
/// consumer for the CPU.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class ContentionBenchmarks
{
    private const int CallsPerInvoke = 16_000;
    private const int Capacity = 1_000_000;

    private readonly CallRecord _withId = Calls.Arbitrage("3f2a9c0d1e4b5a67");
    private CallOperation _operation;
    private FloorChannel _floor = null!;
    private CallLogger _logger = null!;
    private ProducerGang _gang = null!;
    private Action _floorWork = null!;
    private Action _loggerWork = null!;

    [Params(1, 2, 8)]
    public int Producers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _operation = Calls.Operation(_withId, "3f2a9c0d1e4b5a67");
        _floor = new FloorChannel(Capacity);
        _logger = new CallLogger(new CountingSink(), new CallLoggerOptions { QueueCapacity = Capacity, QueueFullMode = QueueFullMode.DropOldest });
        var share = CallsPerInvoke / Producers;
        _floorWork = () =>
        {
            for (var i = 0; i < share; i++)
            {
                _floor.Write(_operation);
            }
        };
        _loggerWork = () =>
        {
            for (var i = 0; i < share; i++)
            {
                _logger.LogCallSafe(_withId);
            }
        };
        _gang = new ProducerGang(Producers);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _gang.Dispose();
        _floor.Dispose();
        Checks.AllAccepted(_logger, $"logger, {Producers} producers");
        _logger.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = CallsPerInvoke, Description = "Floor: Channel.TryWrite")]
    public void Floor() => _gang.Run(_floorWork);

    [Benchmark(OperationsPerInvoke = CallsPerInvoke, Description = "LogCallSafe, supplied id")]
    public void LogCallSafe() => _gang.Run(_loggerWork);
}

/// <summary>Dedicated producer threads that run the same work together, once per <see cref="Run"/>.</summary>
public sealed class ProducerGang : IDisposable
{
    private readonly Barrier _barrier;
    private readonly Thread[] _threads;
    private volatile Action? _work;
    private volatile bool _stop;

    public ProducerGang(int producers)
    {
        _barrier = new Barrier(producers + 1);
        _threads = new Thread[producers];
        for (var i = 0; i < producers; i++)
        {
            _threads[i] = new Thread(Loop) { IsBackground = true, Name = $"producer {i}" };
            _threads[i].Start();
        }
    }

    public void Run(Action work)
    {
        _work = work;
        _barrier.SignalAndWait();
        _barrier.SignalAndWait();
    }

    public void Dispose()
    {
        _stop = true;
        _barrier.SignalAndWait();
        foreach (var thread in _threads)
        {
            thread.Join();
        }

        _barrier.Dispose();
    }

    private void Loop()
    {
        while (true)
        {
            _barrier.SignalAndWait();
            if (_stop)
            {
                return;
            }

            _work!();
            _barrier.SignalAndWait();
        }
    }
}
