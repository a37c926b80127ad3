using SafeCallLogger.Tests.Support;

namespace SafeCallLogger.Tests;

public sealed class CallLoggerBehaviourTests
{
    [Fact]
    public async Task LogCallSafe_WhileSinkHung_ReturnsAtOnceAndReportsQueueFull()
    {
        var sink = new HangingSink(honourToken: false);
        var logger = new CallLogger(sink, new CallLoggerOptions { QueueCapacity = 10, MaxBatchSize = 1 });

        var first = logger.LogCallSafe(Calls.Arbitrage(0));
        await sink.Entered.WaitAsync(TestWait.Guard);
        var results = Enumerable.Range(1, 100).Select(i => logger.LogCallSafe(Calls.Arbitrage(i))).ToList();
        logger.IncrementClickSafe(first.CallId, 1);

        Assert.True(first.IsAccepted);
        Assert.Equal(10, results.Count(r => r.IsAccepted));
        Assert.Equal(90, results.Count(r => r.Status == LogStatus.QueueFull));
        Assert.All(results, r => Assert.NotNull(r.CallId));
        Assert.Equal(91, logger.GetHealth().DroppedQueueFull);

        sink.Release();
        var flush = await logger.FlushAsync(TestWait.Guard);
        Assert.True(flush.Completed);
        Assert.Equal(11, flush.Written);
        Assert.Equal(91, flush.NotAccepted);
        await logger.DisposeAsync();
    }

    [Fact]
    public async Task DisposeAsync_AfterLogging_EveryAcceptedCallReachesTheSink()
    {
        var sink = new InMemoryCallSink();
        var logger = new CallLogger(sink, new CallLoggerOptions { QueueCapacity = 10_000 });
        var accepted = Enumerable.Range(0, 5_000).Select(i => logger.LogCallSafe(Calls.Arbitrage(i))).Count(r => r.IsAccepted);

        await logger.DisposeAsync();

        Assert.Equal(5_000, accepted);
        Assert.Equal(5_000, sink.Count);
        Assert.Equal(5_000, logger.GetHealth().Written);
        Assert.Equal(LogStatus.Stopped, logger.LogCallSafe(Calls.Arbitrage(1)).Status);
    }

    [Fact]
    public async Task Operations_ReBroadcastClicksResultAndClosingLines_EndInTheRightFields()
    {
        var sink = new InMemoryCallSink();
        await using var logger = new CallLogger(sink);

        var id = logger.LogCallSafe(new CallRecord
        {
            CallType = CallType.Arbitrage,
            TeamA = "Lakers",
            TeamB = "Celtics",
            BookmakerA = "bet365",
            BookmakerB = "pinnacle",
            OddsA = 2.10,
            OddsB = 2.05,
            RoiPercent = 3.7,
            NotifiedUserIds = [1, 2, 3],
        }).CallId!;
        logger.IncrementClickSafe(id, 1);
        logger.IncrementClickSafe(id, 1);
        logger.IncrementClickSafe(id, 2);
        logger.IncrementClickSafe(id);
        logger.UpdateResultSafe(id, CallOutcome.BWon, 4.25);
        logger.RecordClosingLinesSafe(id, 2.00, Odds.FromAmerican(+100), LineMovementSpeed.Fast);
        logger.LogCallSafe(new CallRecord
        {
            CallType = CallType.Arbitrage,
            TeamA = "Lakers",
            TeamB = "Celtics",
            BookmakerA = "bet365",
            BookmakerB = "pinnacle",
            OddsA = 2.10,
            OddsB = 2.05,
            RoiPercent = 3.7,
            UsersNotified = 5,
        });
        await logger.FlushAsync(TestWait.Guard);

        Assert.True(sink.TryGetCall(id, out var stored));
        Assert.Equal(8, stored.TotalUsersNotified);
        Assert.Equal(4, stored.AlertClickedCount);
        Assert.Equal(3, stored.TotalUsersBet);
        Assert.Equal(CallOutcome.BWon, stored.ActualOutcome);
        Assert.Equal(4.25, stored.ActualProfit);
        Assert.Equal(2.00, stored.ClosingLineA);
        Assert.Equal(2.00, stored.ClosingLineB);
        Assert.Equal(5.0, stored.ClvA!.Value, 10);
        Assert.Equal(2.5, stored.ClvB!.Value, 10);
        Assert.Equal(LineMovementSpeed.Fast, stored.LineMovementSpeed);
        Assert.Equal(1, sink.Count);
    }

    [Fact]
    public async Task InMemorySink_SameBatchTwice_IsNotCountedTwice()
    {
        var sink = new InMemoryCallSink();
        var call = Calls.Arbitrage(1, callId: "replayed");
        CallOperation[] batch =
        [
            new() { OperationId = Guid.NewGuid(), Kind = CallOperationKind.UpsertCall, CallId = "replayed", Call = call, UsersNotified = 2 },
            new() { OperationId = Guid.NewGuid(), Kind = CallOperationKind.AddClick, CallId = "replayed", UserId = 9 },
            new() { OperationId = Guid.NewGuid(), Kind = CallOperationKind.AddClick, CallId = "replayed" },
        ];

        await sink.WriteAsync(batch, default);
        await sink.WriteAsync(batch, default);

        Assert.True(sink.TryGetCall("replayed", out var stored));
        Assert.Equal(2, stored.TotalUsersNotified);
        Assert.Equal(2, stored.AlertClickedCount);
    }

    [Fact]
    public async Task InMemorySink_ClickBeforeItsCall_IsAppliedWhenTheCallArrives()
    {
        var sink = new InMemoryCallSink();
        await using var logger = new CallLogger(sink);

        logger.IncrementClickSafe("early", 4);
        logger.UpdateResultSafe("early", CallOutcome.Push, 0);
        await logger.FlushAsync(TestWait.Guard);
        Assert.Equal(2, sink.WaitingOperations);

        logger.LogCallSafe(Calls.Arbitrage(1, callId: "early"));
        await logger.FlushAsync(TestWait.Guard);

        Assert.True(sink.TryGetCall("early", out var stored));
        Assert.Equal(1, stored.TotalUsersBet);
        Assert.Equal(CallOutcome.Push, stored.ActualOutcome);
        Assert.Equal(0, sink.WaitingOperations);
        Assert.Equal(0, logger.GetHealth().Errors);
    }

    [Fact]
    public async Task ConcurrentProducers_EightTimesOneHundredThousand_AllAccountedFor()
    {
        const int producers = 8;
        const int perProducer = 100_000;
        var sink = new CountingSink();
        var logger = new CallLogger(sink);
        var rejectedSent = 0L;

        var tasks = Enumerable.Range(0, producers).Select(p => Task.Run(() =>
        {
            var call = Calls.Arbitrage(p, callId: $"call-{p}");
            for (var i = 0; i < perProducer; i++)
            {
                // Every 1000th operation is invalid on purpose; the rest are a mix of calls and clicks.
                var result = (i % 1000) switch
                {
                    0 => logger.IncrementClickSafe("not valid!", i),
                    < 500 => logger.IncrementClickSafe(call.CallId, i),
                    _ => logger.LogCallSafe(call),
                };
                if (result.Status == LogStatus.Rejected)
                {
                    Interlocked.Increment(ref rejectedSent);
                }
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        await logger.DisposeAsync();

        var health = logger.GetHealth();
        Assert.Equal(producers * perProducer / 1000, rejectedSent);
        Assert.Equal(rejectedSent, health.Rejected);
        Assert.Equal(sink.Operations, health.Written);
        Assert.Equal((long)producers * perProducer, health.Written + health.Dropped + health.Rejected);
        Assert.Equal(0, health.Pending);
    }

    [Fact]
    public async Task DropOldestMode_QueueFull_AcceptsNewAndCountsTheOverwritten()
    {
        var sink = new HangingSink(honourToken: true);
        var logger = new CallLogger(sink, new CallLoggerOptions { QueueCapacity = 5, MaxBatchSize = 1, QueueFullMode = QueueFullMode.DropOldest });

        logger.LogCallSafe(Calls.Arbitrage(0));
        await sink.Entered.WaitAsync(TestWait.Guard);
        var results = Enumerable.Range(1, 20).Select(i => logger.LogCallSafe(Calls.Arbitrage(i))).ToList();
        sink.Release();
        await logger.DisposeAsync();

        var health = logger.GetHealth();
        Assert.All(results, r => Assert.True(r.IsAccepted));
        Assert.Equal(15, health.DroppedOverwritten);
        Assert.Equal(6, health.Written);
        Assert.Equal(21, health.Written + health.Dropped);
    }

    [Fact]
    public async Task WriteTimeout_SinkIgnoresItsToken_WriterGivesUpAndRetries()
    {
        var time = new TimerCountingTimeProvider();
        var sink = new HangingSink(honourToken: false) { HangOnlyOnce = true };
        await using var logger = new CallLogger(sink, new CallLoggerOptions { WriteTimeout = TimeSpan.FromSeconds(5), RetryBaseDelay = TimeSpan.Zero }, timeProvider: time);

        logger.LogCallSafe(Calls.Arbitrage(1));
        await sink.Entered.WaitAsync(TestWait.Guard);
        await TestWait.Until(() => time.PendingTimers > 0, "the write timeout to be armed");
        time.Advance(TimeSpan.FromSeconds(5));
        var flush = await logger.FlushAsync(TestWait.Guard);

        var health = logger.GetHealth();
        Assert.True(flush.Completed);
        Assert.Equal(1, health.Errors);
        Assert.Contains("TimeoutException", health.LastError, StringComparison.Ordinal);
        Assert.Equal(1, health.Written);
        sink.Release();
    }

    [Fact]
    public async Task PoisonOperation_OthersWritten_IsSetAsideAfterItsAttempts()
    {
        var sink = new PoisonSink("bad-one");
        var alerts = new RecordingAlertHandler();
        var options = new CallLoggerOptions { RetryBaseDelay = TimeSpan.Zero, MaxBatchSize = 100 }.OnAlert(alerts);
        await using var logger = new CallLogger(sink, options);

        for (var i = 0; i < 10; i++)
        {
            logger.LogCallSafe(Calls.Arbitrage(i, callId: i == 4 ? "bad-one" : null));
        }

        var flush = await logger.FlushAsync(TestWait.Guard);

        var health = logger.GetHealth();
        Assert.True(flush.Completed);
        Assert.Equal(9, sink.Inner.Count);
        Assert.Equal(1, health.Quarantined);
        Assert.Equal(1, flush.Lost);
        Assert.False(sink.Inner.TryGetCall("bad-one", out _));
        Assert.Equal(CallLoggerAlertKind.PoisonOperation, (await alerts.WaitFor(CallLoggerAlertKind.PoisonOperation)).Kind);
        Assert.Equal(CallLoggerState.Running, health.State);
    }

    [Fact]
    public async Task FlushAsync_NothingLogged_CompletesAtOnce()
    {
        await using var logger = new CallLogger(new InMemoryCallSink());

        var flush = await logger.FlushAsync(TimeSpan.FromSeconds(1));

        Assert.Equal(new FlushResult(true, 0, 0, 0, 0), flush);
    }
}
