using SafeCallLogger.Journal;
using SafeCallLogger.Tests.Support;

namespace SafeCallLogger.Tests.Journal;

/// <summary>The journal between the queue and a sink that is down: nothing refused, nothing lost, order kept, an earlier run replayed first.</summary>
public sealed class JournalPipelineTests : IDisposable
{
    private readonly TempJournal _journal = new();

    public void Dispose() => _journal.Dispose();

    [Theory]
    [InlineData(JournalMode.Spill)]
    [InlineData(JournalMode.Durable)]
    public async Task LogCallSafe_BurstOfTenTimesTheQueueWhileTheSinkIsDown_NoneRefusedAndAllWrittenInTheOrderLogged(JournalMode mode)
    {
        var sink = new HeldSink();
        var logged = new List<(string CallId, CallOperationKind Kind)>();
        await using (var logger = new CallLogger(sink, Options(mode, queueCapacity: 100)))
        {
            for (var i = 0; i < 1_000; i++)
            {
                var call = logger.LogCallSafe(Calls.Arbitrage(i, callId: Id(i)));
                var click = logger.IncrementClickSafe(Id(i), userId: i);
                Assert.Equal(LogStatus.Accepted, call.Status);
                Assert.Equal(LogStatus.Accepted, click.Status);
                logged.Add((Id(i), CallOperationKind.UpsertCall));
                logged.Add((Id(i), CallOperationKind.AddClick));
            }

            Assert.Equal(0, logger.GetHealth().DroppedQueueFull);
            Assert.True(logger.GetHealth().Journaled > 0);
            sink.Release();
            Assert.True((await logger.FlushAsync(TestWait.Guard)).Completed);
        }

        Assert.Equal(logged, sink.Inner.Operations.Select(o => (o.CallId, o.Kind)).ToList());
        Assert.Equal(logged.Count, sink.Inner.Operations.Select(o => o.OperationId).Distinct().Count());
    }

    [Fact]
    public async Task LogCallSafe_Durable_EveryAcceptedOperationIsInTheJournalBeforeItReturns()
    {
        var sink = new HeldSink();
        await using var logger = new CallLogger(sink, Options(JournalMode.Durable, shutdownTimeout: TimeSpan.Zero));
        for (var i = 0; i < 50; i++)
        {
            Assert.True(logger.LogCallSafe(Calls.Arbitrage(i, callId: Id(i))).IsAccepted);
            Assert.Equal(i + 1, JournalInspector.Inspect(_journal.Path).PendingRecords);
        }

        sink.Release();
    }

    [Fact]
    public async Task NewLogger_OnTheJournalOfARunThatStoppedWithTheSinkDown_ReplaysItOnceBeforeNewCalls()
    {
        var held = new HeldSink();
        await using (var first = new CallLogger(held, Options(JournalMode.Spill, shutdownTimeout: TimeSpan.Zero)))
        {
            for (var i = 0; i < 300; i++)
            {
                Assert.True(first.LogCallSafe(Calls.Arbitrage(i, callId: Id(i))).IsAccepted);
            }

            await TestWait.Until(() => held.Writes > 0, "the first write");
        }

        // Stopped with the sink down and no time to wait: nothing lost, all of it left in the journal.
        Assert.Equal(300, JournalInspector.Inspect(_journal.Path).PendingRecords);

        var sink = new RecordingSink();
        await using (var second = new CallLogger(sink, Options(JournalMode.Spill)))
        {
            Assert.True(second.LogCallSafe(Calls.Arbitrage(1_000, callId: Id(1_000))).IsAccepted);
            Assert.True((await second.FlushAsync(TestWait.Guard)).Completed);
            Assert.Equal(300, second.GetHealth().Replayed);
            Assert.Equal(0, second.GetHealth().AbandonedAtShutdown);
        }

        var ids = sink.Operations.Select(o => o.CallId).ToList();
        Assert.Equal(Enumerable.Range(0, 300).Select(Id).Append(Id(1_000)), ids);
        Assert.Equal(0, JournalInspector.Inspect(_journal.Path).PendingRecords);
    }

    [Fact]
    public async Task NewLogger_OnAJournalAnotherLoggerHolds_RunsInMemoryAndRaisesJournalUnavailable()
    {
        var alerts = new RecordingAlertHandler();
        await using var holder = new CallLogger(new RecordingSink(), Options(JournalMode.Durable));
        var options = Options(JournalMode.Durable);
        options.OnAlert(alerts);
        var sink = new RecordingSink();
        await using (var second = new CallLogger(sink, options))
        {
            Assert.Equal(JournalMode.Off, second.GetHealth().JournalMode);
            Assert.True(second.LogCallSafe(Calls.Arbitrage(1, callId: Id(1))).IsAccepted);
            Assert.True((await second.FlushAsync(TestWait.Guard)).Completed);
            await TestWait.Until(() => alerts.Alerts.Any(a => a.Kind == CallLoggerAlertKind.JournalUnavailable), "the JournalUnavailable alert");
        }

        Assert.Single(sink.Operations);
    }

    [Fact]
    public async Task LogCallSafe_JournalAtItsCapWhileTheSinkIsDown_CriticalAlertThenQueueFullAndEveryAcceptedCallWritten()
    {
        var sink = new HeldSink();
        var alerts = new RecordingAlertHandler();
        var options = Options(JournalMode.Spill, queueCapacity: 100);
        options.Journal.MaxBytes = 1 << 20;
        options.Journal.SegmentBytes = 64 << 10;
        options.OnAlert(alerts);
        var accepted = new List<string>();
        await using (var logger = new CallLogger(sink, options))
        {
            var i = 0;
            LogResult result;
            do
            {
                result = logger.LogCallSafe(Calls.Arbitrage(i, callId: Id(i)));
                if (result.IsAccepted)
                {
                    accepted.Add(Id(i));
                }

                i++;
            }
            while (result.IsAccepted && i < 100_000);

            Assert.Equal(LogStatus.QueueFull, result.Status);
            Assert.Equal(CallLoggerAlertSeverity.Critical, (await alerts.WaitFor(CallLoggerAlertKind.JournalFull)).Severity);
            Assert.True(accepted.Count > 1_000, $"only {accepted.Count} accepted before the cap");
            sink.Release();
            Assert.True((await logger.FlushAsync(TestWait.Guard)).Completed);
            Assert.Equal(0, logger.GetHealth().AbandonedAtShutdown);
        }

        Assert.Equal(accepted, sink.Inner.Operations.Select(o => o.CallId).ToList());
    }

    [Fact]
    public async Task LogCallSafe_DurableJournalAtItsCapWithRoomInTheQueue_GoesThroughMemoryInOrderUntilTheQueueIsFull()
    {
        var sink = new HeldSink();
        var options = Options(JournalMode.Durable, queueCapacity: 20_000);
        options.Journal.MaxBytes = 1 << 20;
        options.Journal.SegmentBytes = 64 << 10;
        var accepted = new List<string>();
        long journaled;
        await using (var logger = new CallLogger(sink, options))
        {
            for (var i = 0; logger.LogCallSafe(Calls.Arbitrage(i, callId: Id(i))).IsAccepted && i < 100_000; i++)
            {
                accepted.Add(Id(i));
            }

            journaled = logger.GetHealth().Journaled;
            Assert.True(accepted.Count > journaled, $"{accepted.Count} accepted, {journaled} journaled: nothing went through memory at the cap");
            Assert.True(accepted.Count >= 20_000, $"only {accepted.Count} accepted: the queue (20,000) was not used up");
            sink.Release();
            Assert.True((await logger.FlushAsync(TestWait.Guard)).Completed);
        }

        Assert.Equal(accepted, sink.Inner.Operations.Select(o => o.CallId).ToList());
    }

    [Fact]
    public async Task LogCallSafe_WhileDisabledWithAJournal_AcceptedIntoTheJournalAndWrittenOnceStorageIsBack()
    {
        var sink = new DownForAttemptsSink(attempts: 3);
        var options = Options(JournalMode.Spill);
        options.RetryBaseDelay = TimeSpan.FromTicks(1);
        options.RetryMaxDelay = TimeSpan.FromTicks(1);
        options.DisableAfterConsecutiveErrors = 3;
        options.ProbeInterval = TimeSpan.FromMilliseconds(20);
        await using (var logger = new CallLogger(sink, options))
        {
            Assert.True(logger.LogCallSafe(Calls.Arbitrage(0, callId: Id(0))).IsAccepted);
            await TestWait.Until(() => logger.GetHealth().State == CallLoggerState.Disabled, "the logger to disable itself");

            for (var i = 1; i <= 50; i++)
            {
                Assert.Equal(LogStatus.Accepted, logger.LogCallSafe(Calls.Arbitrage(i, callId: Id(i))).Status);
            }

            Assert.Equal(0, logger.GetHealth().DroppedDisabled);
            Assert.True(logger.GetHealth().Journaled >= 50);
            sink.Recover();
            Assert.True((await logger.FlushAsync(TestWait.Guard)).Completed);
        }

        Assert.Equal(Enumerable.Range(0, 51).Select(Id), sink.Written.Select(o => o.CallId));
    }

    private static string Id(int i) => i.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);

    private CallLoggerOptions Options(JournalMode mode, int queueCapacity = 1_000, TimeSpan? shutdownTimeout = null) => new()
    {
        QueueCapacity = queueCapacity,
        ShutdownTimeout = shutdownTimeout ?? TimeSpan.FromSeconds(10),
        Journal = { Mode = mode, Directory = _journal.Path },
    };
}
