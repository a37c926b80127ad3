using System.Diagnostics;
using System.Runtime.CompilerServices;
using SafeCallLogger.Internal;
using SafeCallLogger.Tests.Support;

namespace SafeCallLogger.Tests;

/// <summary>The process-exit safety net inside one process; the real exit is in SafeCallLogger.Sqlite.Tests' ProcessExitTests.</summary>
public sealed class ProcessExitFlushTests
{
    [Theory]
    [InlineData(10_000, 3_000)]
    [InlineData(3_000, 3_000)]
    [InlineData(500, 500)]
    [InlineData(0, 0)]
    public void Bound_ShutdownTimeoutOrThreeSeconds_TheShorter(int shutdownMs, int expectedMs)
    {
        using var flush = new ProcessExitFlush(_ => Task.FromResult(default(FlushResult)!), () => ValueTask.CompletedTask, TimeSpan.FromMilliseconds(shutdownMs));

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), flush.Bound);
    }

    [Fact]
    public void Run_LoggerNeverDisposed_WritesEveryQueuedCallAndDisposesTheLogger()
    {
        var sink = new InMemoryCallSink();
        var logger = new CallLogger(sink);
        var accepted = Enumerable.Range(0, 500).Count(i => logger.LogCallSafe(Calls.Arbitrage(i)).IsAccepted);

        logger.ProcessExit.Run();

        Assert.Equal(500, accepted);
        Assert.Equal(500, sink.Count);
        Assert.Equal(CallLoggerState.Stopped, logger.GetHealth().State);
        Assert.False(logger.ProcessExit.IsRegistered);
    }

    [Fact]
    public void Run_SinkThatNeverReturns_GivesUpWithinTheBoundAndItsSlack()
    {
        var sink = new HangingSink();
        var logger = new CallLogger(sink, new CallLoggerOptions { ShutdownTimeout = TimeSpan.FromMilliseconds(200), Journal = { Mode = JournalMode.Off } });
        Assert.True(logger.LogCallSafe(Calls.Arbitrage()).IsAccepted);

        var clock = Stopwatch.StartNew();
        logger.ProcessExit.Run();

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromMilliseconds(200) + ProcessExitFlush.Slack + TimeSpan.FromSeconds(1));
        sink.Release();
    }

    [Fact]
    public async Task DisposeAsync_RemovesTheHandler_TheStaticEventKeepsNoLoggerAlive()
    {
        var (weak, registered) = await CreateAndDisposeAsync();

        for (var i = 0; i < 10 && weak.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            await Task.Delay(50);
        }

        Assert.False(registered);
        Assert.False(weak.IsAlive, "a disposed logger is still reachable: the ProcessExit handler was not removed");
    }

    [Fact]
    public void Dispose_CalledTwice_RemovesTheHandlerOnce()
    {
        var logger = new CallLogger(new InMemoryCallSink());
        logger.Dispose();
        logger.Dispose();

        Assert.False(logger.ProcessExit.IsRegistered);
        logger.ProcessExit.Run();
        Assert.Equal(CallLoggerState.Stopped, logger.GetHealth().State);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<(WeakReference Logger, bool Registered)> CreateAndDisposeAsync()
    {
        // The handler holds the logger: only its removal lets the logger go.
        var logger = new CallLogger(new InMemoryCallSink());
        logger.LogCallSafe(Calls.Arbitrage());
        await logger.DisposeAsync();
        return (new WeakReference(logger), logger.ProcessExit.IsRegistered);
    }

    private sealed class HangingSink : ICallSink
    {
        private readonly ManualResetEventSlim _release = new();

        public void Release() => _release.Set();

        public ValueTask WriteAsync(IReadOnlyList<CallOperation> batch, CancellationToken cancellationToken)
        {
            // Blocks synchronously and ignores the token: the worst a sink can do at exit.
            _release.Wait(TimeSpan.FromSeconds(30));
            return ValueTask.CompletedTask;
        }
    }
}
