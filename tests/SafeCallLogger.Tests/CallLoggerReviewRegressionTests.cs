using Microsoft.Extensions.Logging;
using SafeCallLogger.Tests.Support;

namespace SafeCallLogger.Tests;

/// <summary>Faults found in review: each test failed before its fix.</summary>
public sealed class CallLoggerReviewRegressionTests
{
    [Fact]
    public async Task SafeMethods_LoggingProviderThrows_NeverThrowAndTheWriterCarriesOn()
    {
        var sink = new FlakySink();
        using var factory = LoggerFactory.Create(b => b.AddProvider(new ThrowingLoggerProvider()).SetMinimumLevel(LogLevel.Trace));
        var logger = new CallLogger(sink, new CallLoggerOptions { RetryBaseDelay = TimeSpan.Zero, RetryMaxDelay = TimeSpan.Zero }, factory);

        var rejected = logger.IncrementClickSafe("bad id!", 1);
        var badResult = logger.UpdateResultSafe("x", (CallOutcome)42, 1);
        var badLines = logger.RecordClosingLinesSafe("x", 0.5, 2);
        var invalid = logger.LogCallSafe(null!);
        var accepted = logger.LogCallSafe(Calls.Arbitrage(1));
        await TestWait.Until(() => logger.GetHealth().Errors >= 3, "a few failed writes, each logged by the throwing provider");
        sink.Failing = false;
        var flush = await logger.FlushAsync(TestWait.Guard);
        var after = logger.IncrementClickSafe(accepted.CallId, 2);
        await logger.DisposeAsync();

        Assert.Equal(RejectionReason.InvalidCallId, rejected.Reason);
        Assert.Equal(RejectionReason.UnknownEnumValue, badResult.Reason);
        Assert.Equal(RejectionReason.InvalidOdds, badLines.Reason);
        Assert.Equal(RejectionReason.MissingCall, invalid.Reason);
        Assert.Equal(4, logger.GetHealth().Rejected);
        Assert.True(flush.Completed);
        Assert.True(after.IsAccepted);
        Assert.Equal(2, sink.Written.Count);
    }

    [Fact]
    public async Task Isolation_FirstResultFailsTransiently_TheLaterCorrectionStillWins()
    {
        var sink = new FailFirstTimesSink(o => o.Kind == CallOperationKind.SetResult && o.Outcome == CallOutcome.Push, times: 3);
        await using var logger = new CallLogger(sink, new CallLoggerOptions { RetryBaseDelay = TimeSpan.Zero, RetryMaxDelay = TimeSpan.Zero, MaxBatchDelay = TimeSpan.Zero });

        sink.Pause();
        var id = logger.LogCallSafe(Calls.Arbitrage(1)).CallId;
        logger.UpdateResultSafe(id, CallOutcome.Push, 0);
        logger.UpdateResultSafe(id, CallOutcome.AWon, 5);
        logger.LogCallSafe(Calls.Arbitrage(2));
        sink.Resume();
        await logger.FlushAsync(TestWait.Guard);

        Assert.True(sink.Inner.TryGetCall(id!, out var stored));
        Assert.Equal(CallOutcome.AWon, stored.ActualOutcome);
        Assert.Equal(5, stored.ActualProfit);
    }

    [Fact]
    public async Task FlushAsync_InfiniteOrHugeTimeout_WaitsAndNeverThrows()
    {
        await using var logger = new CallLogger(new InMemoryCallSink());
        logger.LogCallSafe(Calls.Arbitrage(1));

        var infinite = await logger.FlushAsync(Timeout.InfiniteTimeSpan);
        var huge = await logger.FlushAsync(TimeSpan.MaxValue);

        Assert.True(infinite.Completed);
        Assert.Equal(1, infinite.Written);
        Assert.True(huge.Completed);
    }

    [Fact]
    public async Task AlertHandler_BlocksSynchronously_IsCutOffAndTheNextHandlerHears()
    {
        var time = new TimerCountingTimeProvider();
        var sink = new FlakySink();
        var recording = new RecordingAlertHandler();
        using var release = new ManualResetEventSlim();
        // Immediate retries are only allowed when disabling bounds them (options validation): 1,000 stays far above the 10 errors awaited here.
        var options = new CallLoggerOptions { RetryBaseDelay = TimeSpan.Zero, RetryMaxDelay = TimeSpan.Zero, DisableAfterConsecutiveErrors = 1000 };
        options.OnAlert((_, _) =>
        {
            release.Wait(TestWait.Guard);
            return ValueTask.CompletedTask;
        });
        options.OnAlert(recording);
        var logger = new CallLogger(sink, options, timeProvider: time);

        logger.LogCallSafe(Calls.Arbitrage(1));
        await TestWait.Until(
            () =>
            {
                // Read in this order: once disabled (it stays so while the sink fails), the probe is a second timer.
                var timers = time.PendingTimers;
                var disabled = logger.GetHealth().State == CallLoggerState.Disabled;
                return timers >= (disabled ? 2 : 1) && logger.GetHealth().Errors >= 10;
            },
            "the blocking handler to be running under its timeout");
        time.Advance(TimeSpan.FromSeconds(10));
        var alert = await recording.WaitFor(CallLoggerAlertKind.Errors);

        Assert.Equal(CallLoggerAlertKind.Errors, alert.Kind);
        release.Set();
        sink.Failing = false;
        await time.RunUntilAsync(logger.DisposeAsync().AsTask());
    }

    // Hand-written on purpose: FakeLogger records lines, it cannot throw from BeginScope or Log.
    private sealed class ThrowingLoggerProvider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Throwing();

        public void Dispose()
        {
        }

        private sealed class Throwing : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => throw new IOException("log disk full");

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                throw new IOException("log disk full");
        }
    }

    /// <summary>Fails every batch holding a matching operation, the first <c>times</c> times; can be paused so a batch builds up.</summary>
    private sealed class FailFirstTimesSink(Func<CallOperation, bool> match, int times) : ICallSink
    {
        private readonly SemaphoreSlim _paused = new(1, 1);
        private int _left = times;

        public InMemoryCallSink Inner { get; } = new();

        public void Pause() => _paused.Wait();

        public void Resume() => _paused.Release();

        public async ValueTask WriteAsync(IReadOnlyList<CallOperation> operations, CancellationToken cancellationToken)
        {
            await _paused.WaitAsync(cancellationToken);
            _paused.Release();
            if (operations.Any(match) && Interlocked.Decrement(ref _left) >= 0)
            {
                throw new InvalidOperationException("database is locked (injected, transient)");
            }

            await Inner.WriteAsync(operations, cancellationToken);
        }
    }
}
