using SafeCallLogger.Tests.Support;

namespace SafeCallLogger.Tests.Writing;

/// <summary>Regressions found by reviewing the rewritten writer: each failed on the code before its fix.</summary>
public sealed class WriterReviewTests
{
    [Fact]
    public async Task WriteTimeout_AWriteAfterASuccessfulOneHangs_IsCutOffLikeTheFirst()
    {
        // The system clock on purpose: only its timers let a timeout source be reset and reused between writes.
        var sink = new HangsOnNthWriteSink(hangOn: 2);
        var options = new CallLoggerOptions { WriteTimeout = TimeSpan.FromMilliseconds(200), RetryBaseDelay = TimeSpan.FromMilliseconds(1) };
        var logger = new CallLogger(sink, options);

        logger.LogCallSafe(Calls.Arbitrage(1, callId: "first"));
        await TestWait.Until(() => logger.GetHealth().Written == 1, "the first write");
        logger.LogCallSafe(Calls.Arbitrage(2, callId: "second"));

        // The second write ignores its token: only the write timeout can free the writer, which then writes it again.
        await TestWait.Until(() => sink.Inner.TryGetCall("second", out _), "the hanging write cut off by WriteTimeout, then retried");
        Assert.Equal(1, logger.GetHealth().Errors);
        Assert.Contains("did not finish", logger.GetHealth().LastError, StringComparison.Ordinal);
        sink.Release();
        await logger.DisposeAsync();
    }

    [Fact]
    public async Task FlushAsync_DropOldest_OverwritingLaterCallsDoesNotSettleAnEarlierOneStillBeingWritten()
    {
        var clock = new FakeTimeProvider(TestClock.Start);
        var sink = new GatedSink();
        var options = new CallLoggerOptions { QueueCapacity = 1, MaxBatchSize = 1, QueueFullMode = QueueFullMode.DropOldest };
        var logger = new CallLogger(sink, options, timeProvider: clock);

        logger.LogCallSafe(Calls.Arbitrage(1, callId: "held"));
        await TestWait.Until(() => sink.Calls == 1, "the first write to start and block");
        var flush = logger.FlushAsync(TimeSpan.FromSeconds(1)).AsTask();

        // Accepted after the flush began: the second is overwritten by the third.
        logger.LogCallSafe(Calls.Arbitrage(2, callId: "later2"));
        logger.LogCallSafe(Calls.Arbitrage(3, callId: "later3"));
        Assert.Equal(1, logger.GetHealth().DroppedOverwritten);
        clock.Advance(TimeSpan.FromSeconds(1));
        var result = await flush.WaitAsync(TestWait.Guard);

        Assert.False(sink.Inner.TryGetCall("held", out _));
        Assert.False(result.Completed);
        sink.Release();
        await clock.RunUntilAsync(logger.DisposeAsync().AsTask());
    }

    [Fact]
    public async Task HardStopDuringIsolation_CallsThePassWroteAreCountedWrittenNotAbandoned()
    {
        var clock = new FakeTimeProvider(TestClock.Start);
        var sink = new OnlySinglesSink(hangingId: "b");
        var options = new CallLoggerOptions { MaxBatchDelay = TimeSpan.FromSeconds(1), PoisonAttempts = 1000 };
        var logger = new CallLogger(sink, options, timeProvider: clock);

        logger.LogCallSafe(Calls.Arbitrage(1, callId: "a"));
        logger.LogCallSafe(Calls.Arbitrage(2, callId: "b"));
        await clock.AdvanceUntil(() => sink.Hanging, TimeSpan.FromMilliseconds(100), "isolation to write a alone, then hang on b");
        Assert.True(sink.Inner.TryGetCall("a", out _));

        var stop = logger.StopAsync(TimeSpan.FromSeconds(1));
        await clock.RunUntilAsync(stop);
        var health = logger.GetHealth();

        Assert.Equal(1, health.Written);
        Assert.Equal(1, health.AbandonedAtShutdown);
        Assert.Equal(0, health.Pending);
        await logger.DisposeAsync();
    }

    [Fact]
    public async Task DeadLetterStoreRefusesTheLetter_LetterGoesToTheLogAndLaterCallsAreStillWritten()
    {
        var clock = new FakeTimeProvider(TestClock.Start);
        var sink = new RefusesItsDeadLetterSink(refusedId: "bad");
        var logger = new CallLogger(sink, timeProvider: clock);

        logger.LogCallSafe(Calls.Arbitrage(1, callId: "bad"));
        await TestWait.Until(() => sink.LetterWrites >= 1, "the dead-letter store to refuse the letter");
        logger.LogCallSafe(Calls.Arbitrage(2, callId: "good"));

        await clock.AdvanceUntil(() => sink.Inner.TryGetCall("good", out _), TimeSpan.FromSeconds(1), "the call logged after the refused letter");
        var flush = logger.FlushAsync(TimeSpan.FromSeconds(5)).AsTask();
        await clock.RunUntilAsync(flush);
        var health = logger.GetHealth();

        Assert.True((await flush).Completed);
        Assert.Equal(1, health.Quarantined);
        Assert.Equal(0, health.Pending);
        Assert.Equal(1, sink.LetterWrites);
        await clock.RunUntilAsync(logger.DisposeAsync().AsTask());
    }

    [Fact]
    public async Task FlushAsync_TimeoutOfTimeSpanMinValue_ReturnsNotCompletedInsteadOfThrowing()
    {
        var sink = new GatedSink();
        var logger = new CallLogger(sink, timeProvider: new SteppingClock());
        logger.LogCallSafe(Calls.Arbitrage(1, callId: "held"));
        await TestWait.Until(() => sink.Calls == 1, "the write to start and block");

        var result = await logger.FlushAsync(TimeSpan.MinValue);

        Assert.False(result.Completed);
        sink.Release();
        await logger.DisposeAsync();
    }

    [Fact]
    public async Task DisposeAsync_OwnedSinkStillRunningAnAbandonedWrite_IsNotDisposedUnderIt()
    {
        var clock = new FakeTimeProvider(TestClock.Start);
        var sink = new StubbornDisposableSink();
        var options = new CallLoggerOptions { ShutdownTimeout = TimeSpan.FromSeconds(1) };
        var logger = new CallLogger(sink, ownsSink: true, options, [], loggerFactory: null, clock);
        logger.LogCallSafe(Calls.Arbitrage(1, callId: "stuck"));
        await TestWait.Until(() => sink.Running, "the write to start and ignore its token");

        // The hard stop ends the writer, but the sink's write runs on.
        await clock.RunUntilAsync(logger.DisposeAsync().AsTask());

        Assert.True(sink.Running);
        Assert.False(sink.DisposedDuringWrite);
        sink.Release();
    }
}
