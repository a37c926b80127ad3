using SafeCallLogger.Tests.Support;
using SafeCallLogger.Writing;

namespace SafeCallLogger.Tests.Writing;

/// <summary>Flush, stop and the writer agree by design: a watermark, one stop task, fresh buffers, clamped timeouts.</summary>
public sealed class CoordinationTests
{
    [Fact]
    public async Task FlushAsync_EarlierOperationStillHeld_NotCompletedEvenThoughLaterOnesAreWritten()
    {
        var clock = new FakeTimeProvider(TestClock.Start);
        var sink = new PoisonSink("held");
        var logger = new CallLogger(sink, new CallLoggerOptions { PoisonAttempts = 1000 }, timeProvider: clock);

        logger.LogCallSafe(Calls.Arbitrage(0, callId: "held"));
        var flush = logger.FlushAsync(TimeSpan.FromSeconds(30)).AsTask();
        for (var i = 1; i <= 5; i++)
        {
            logger.LogCallSafe(Calls.Arbitrage(i, callId: $"later{i}"));
        }

        // Isolation writes the later calls around the held one: five written, as many as were accepted before... and after.
        await clock.AdvanceUntil(() => sink.Inner.Count == 5, TimeSpan.FromMilliseconds(100), "the later calls written around the held one");
        Assert.False(flush.IsCompleted);
        await clock.RunUntilAsync(flush);

        Assert.False((await flush).Completed);
        Assert.Equal(1, (await flush).Pending);
        await clock.RunUntilAsync(logger.DisposeAsync().AsTask());
    }

    [Fact]
    public async Task SettledWatermark_AdvanceRacingAWaiter_NeverMissesTheWakeUp()
    {
        for (var round = 0; round < 2_000; round++)
        {
            var watermark = new SettledWatermark();
            var target = round % 3;
            var waiter = watermark.WaitUntilAsync(() => watermark.Value >= target, Timeout.InfiniteTimeSpan, TimeProvider.System, CancellationToken.None);
            var advancer = Task.Run(() =>
            {
                for (var v = 1; v <= target; v++)
                {
                    watermark.Advance(v);
                }
            });
            await advancer;
            Assert.True(await waiter.WaitAsync(TestWait.Guard), $"round {round}");
        }
    }

    [Fact]
    public async Task StopAsync_AfterTheWriterCrashed_ReturnsAndSyncDisposeDoesNotHang()
    {
        var clock = new BreakableClock();
        var logger = new CallLogger(new InMemoryCallSink(), timeProvider: clock);

        clock.Broken = true;
        logger.LogCallSafe(Calls.Arbitrage(1, callId: "a"));
        await TestWait.Until(() => logger.GetHealth().State == CallLoggerState.Stopped, "the writer to crash on the broken clock");
        var after = logger.LogCallSafe(Calls.Arbitrage(2, callId: "b"));
        var stop = logger.StopAsync(TimeSpan.FromSeconds(5));
        var dispose = Task.Run(logger.Dispose);

        await stop.WaitAsync(TestWait.Guard);
        await dispose.WaitAsync(TestWait.Guard);
        Assert.Equal(LogStatus.Stopped, after.Status);
        Assert.Equal(1, logger.GetHealth().AbandonedAtShutdown);
    }

    [Fact]
    public async Task WriteAbandonedAfterTimeout_TheNextWriteGetsAFreshListAndTheOldOneIsUntouched()
    {
        var clock = new FakeTimeProvider(TestClock.Start);
        var sink = new ListKeepingSink();
        await using var logger = new CallLogger(sink, new CallLoggerOptions { WriteTimeout = TimeSpan.FromSeconds(1) }, timeProvider: clock);

        logger.LogCallSafe(Calls.Arbitrage(1, callId: "first"));
        await TestWait.Until(() => sink.Received.Count == 1, "the first write to start and hang");
        logger.LogCallSafe(Calls.Arbitrage(2, callId: "second"));
        await clock.AdvanceUntil(() => sink.Received.Count >= 2, TimeSpan.FromMilliseconds(500), "the retry after the abandoned write");
        sink.Release();

        var received = sink.Received.ToArray();
        Assert.NotSame(received[0].List, received[1].List);
        Assert.Equal(received[0].Held, received[0].List);
    }

    [Fact]
    public async Task StopAsync_TimeoutBeyondWhatATimerTakes_StillWritesEverythingFirst()
    {
        var sink = new InMemoryCallSink();
        var logger = new CallLogger(sink);
        for (var i = 0; i < 100; i++)
        {
            logger.LogCallSafe(Calls.Arbitrage(i));
        }

        var result = await logger.StopAsync(TimeSpan.FromDays(100)).WaitAsync(TestWait.Guard);

        Assert.True(result.Completed);
        Assert.Equal(100, sink.Count);
        await logger.DisposeAsync();
    }

    [Fact]
    public async Task StopAsync_GivesUpAcceptedCalls_RaisesACriticalAcceptedLostAlert()
    {
        var clock = new FakeTimeProvider(TestClock.Start);
        var alerts = new RecordingAlertHandler();
        var options = new CallLoggerOptions { ShutdownTimeout = TimeSpan.FromSeconds(10) };
        options.OnAlert(alerts);
        var logger = new CallLogger(new FlakySink(), options, timeProvider: clock);
        for (var i = 0; i < 200; i++)
        {
            logger.LogCallSafe(Calls.Arbitrage(i));
        }

        var stop = logger.StopAsync(TimeSpan.FromSeconds(10));
        await clock.AdvanceUntil(() => logger.GetHealth().AbandonedAtShutdown > 0, TimeSpan.FromSeconds(1), "shutdown giving up");

        // The clock stands still now, so the alert's delivery budget cannot run out under it.
        var alert = await alerts.WaitFor(CallLoggerAlertKind.AcceptedLost);
        await clock.RunUntilAsync(stop);
        await logger.DisposeAsync();
        Assert.Equal(CallLoggerAlertSeverity.Critical, alert.Severity);
        Assert.Equal(200, alert.Health.AbandonedAtShutdown);
    }

    [Fact]
    public async Task StorageReplaced_BatchWrittenAgainAtOnceWithAnAlertAndNoError()
    {
        var alerts = new RecordingAlertHandler();
        var options = new CallLoggerOptions();
        options.OnAlert(alerts);
        var sink = new ReplacingSink(times: 1);
        await using var logger = new CallLogger(sink, options);

        logger.LogCallSafe(Calls.Arbitrage(1, callId: "a"));
        var flush = await logger.FlushAsync(TestWait.Guard);

        Assert.True(flush.Completed);
        Assert.True(sink.Inner.TryGetCall("a", out _));
        Assert.Equal(0, logger.GetHealth().Errors);
        Assert.Equal(1, logger.GetHealth().StorageReplaced);
        Assert.Contains("deleted", (await alerts.WaitFor(CallLoggerAlertKind.StorageReplaced)).Health.LastError ?? "deleted", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backoff_SinkWithAProbe_RecoveryNoticedAtTheNextProbeNotAtTheNextRetry()
    {
        var clock = new TimerCountingTimeProvider();
        var sink = new ProbedSink();
        var options = new CallLoggerOptions { RetryBaseDelay = TimeSpan.FromSeconds(10), RetryMaxDelay = TimeSpan.FromSeconds(10) };
        await using var logger = new CallLogger(sink, options, timeProvider: clock);

        logger.LogCallSafe(Calls.Arbitrage(1, callId: "a"));
        await TestWait.Until(() => sink.Writes == 1 && clock.PendingTimers > 0, "the first failed write, then the backoff");
        sink.Down = false;
        await clock.AdvanceUntil(() => sink.Inner.Count == 1, TimeSpan.FromMilliseconds(250), "the write after the probe");

        // The 10 s backoff was cut short: the clock moved by far less.
        Assert.True(clock.GetUtcNow() - new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero) < TimeSpan.FromSeconds(2));
        Assert.Equal(1, logger.GetHealth().Errors);
    }

    [Fact]
    public async Task QueueNearlyFull_HeldBackByTheRateLimit_RaisedWhenDueWhileTheQueueIsStillHigh()
    {
        var clock = new FakeTimeProvider(TestClock.Start);
        var alerts = new RecordingAlertHandler();
        var options = new CallLoggerOptions { QueueCapacity = 10, QueueWarningRatio = 0.8, AlertMinInterval = TimeSpan.FromMinutes(5), WriteTimeout = TimeSpan.FromHours(1) };
        options.OnAlert(alerts);
        var sink = new GateSink();
        var logger = new CallLogger(sink, options, timeProvider: clock);
        int QueueAlerts() => alerts.Alerts.Count(a => a.Kind == CallLoggerAlertKind.QueueNearlyFull);

        logger.LogCallSafe(Calls.Arbitrage(0));
        await TestWait.Until(() => sink.Started == 1, "the first write to hold the writer");
        Log(1, 8);
        await TestWait.Until(() => QueueAlerts() == 1, "the first queue alert");

        // Drained (so re-armed), then high again within the 5 minutes: this one is held back...
        sink.Release();
        await TestWait.Until(() => sink.Started == 2 && logger.GetHealth().QueueDepth == 0, "the writer to take the queue");
        Log(9, 8);
        clock.Advance(TimeSpan.FromMinutes(5));

        // ...and goes out once due, though the writer is still stuck and takes no batch: the next refusal raises it.
        Log(17, 3);
        await TestWait.Until(() => QueueAlerts() == 2, "the held-back queue alert, once due");

        sink.Release();
        sink.Release();
        await logger.FlushAsync(TestWait.Guard);
        await logger.DisposeAsync();

        void Log(int from, int count)
        {
            for (var i = from; i < from + count; i++)
            {
                logger.LogCallSafe(Calls.Arbitrage(i));
            }
        }
    }
}
