using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SafeCallLogger.Alerts;
using SafeCallLogger.Internal;
using SafeCallLogger.Journal;
using SafeCallLogger.Queue;
using SafeCallLogger.Tests.Support;

namespace SafeCallLogger.Tests.Journal;

/// <summary>
/// Review 9: the journal wired between the queue and the sink, attacked at its races and its counts. Each test
/// reproduces one defect found in review, deterministically (gated sinks, a manual clock), and guards its fix.
/// </summary>
public sealed class JournalRaceTests : IDisposable
{
    private const int Disengaged = 105;
    private readonly TempJournal _journal = new();

    public void Dispose() => _journal.Dispose();

    /// <summary>
    /// Operations that found the queue full went to the journal only and are never dequeued. The callers' spill check
    /// counted them as still queued, so once a burst had bypassed more than the spill depth, every later call
    /// re-engaged the journal: spill mode never went back to memory for good.
    /// </summary>
    [Fact]
    public async Task Enqueue_AfterABurstThatBypassedTheQueue_StaysInMemoryOnceCaughtUp()
    {
        var logs = new FakeLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        var sink = new GateSink();
        var options = new CallLoggerOptions
        {
            QueueCapacity = 10,
            Journal = { Mode = JournalMode.Spill, Directory = _journal.Path },
        };
        await using var logger = new CallLogger(sink, options, factory);

        // A stuck (not failing) sink: the queue fills, and most of the burst bypasses it into the journal.
        sink.Close();
        for (var i = 0; i < 100; i++)
        {
            Assert.True(logger.LogCallSafe(Calls.Arbitrage(i, callId: Id(i))).IsAccepted);
        }

        sink.Open();
        Assert.True((await logger.FlushAsync(TestWait.Guard)).Completed);
        await TestWait.Until(() => logs.Collector.GetSnapshot().Any(e => e.Id.Id == Disengaged), "the journal to disengage once caught up");
        var journaled = logger.GetHealth().Journaled;

        // Caught up and healthy: a call goes through memory, and so does the next one (the first one's batch is
        // held in the sink, so the writer cannot disengage again in between).
        sink.Close();
        Assert.True(logger.LogCallSafe(Calls.Arbitrage(200, callId: Id(200))).IsAccepted);
        Assert.True(logger.LogCallSafe(Calls.Arbitrage(201, callId: Id(201))).IsAccepted);
        Assert.Equal(journaled, logger.GetHealth().Journaled);

        sink.Open();
        Assert.True((await logger.FlushAsync(TestWait.Guard)).Completed);
        Assert.Equal(102, sink.Inner.Operations.Count);
    }

    /// <summary>
    /// A failed append rests the journal for <see cref="JournalIntake.RetryAfterFailure"/>, then callers are meant to try
    /// it again. But <see cref="JournalIntake.Engaged"/> stayed false until an append succeeded, and no append was tried
    /// while it was false: a durable logger whose disk hiccuped once ran in memory for the rest of the process.
    /// </summary>
    [Theory]
    [InlineData(JournalMode.Durable)]
    [InlineData(JournalMode.Spill)]
    public void Enqueue_JournalRestedAfterAFailedAppend_JournalsAgainOnceTheRestIsOver(JournalMode mode)
    {
        var time = new FakeTimeProvider(TestClock.Start);
        var journal = new SwitchableJournal { Failing = true };
        var (queue, intake) = Queue(journal, mode, time);
        intake.Engage("test");

        Assert.Equal(LogStatus.Accepted, queue.Enqueue(TempJournal.Operation(1), CallLoggerState.Running));
        Assert.Equal(JournalMode.Off, intake.EffectiveMode);

        // The disk is back and the rest is over: the next call is journaled again.
        journal.Failing = false;
        time.Advance(JournalIntake.RetryAfterFailure);
        Assert.Equal(LogStatus.Accepted, queue.Enqueue(TempJournal.Operation(2), CallLoggerState.Running));
        Assert.Equal(1, journal.LastSequence);
        Assert.Equal(mode, intake.EffectiveMode);

        Assert.True(queue.TryTake(out var first) && first.Kind == QueuedKind.Memory);
        Assert.True(queue.TryTake(out var second) && second.Kind == QueuedKind.Copy && second.Horizon == 1);
    }

    /// <summary>
    /// An earlier run's records are written like the rest and subtracted from this run's settled count only when
    /// their batch is settled. A hard stop in the middle of a batch (here between isolation passes, after one earlier
    /// record was written alone) never subtracted them: this run's Settled counted them as its own, so the click
    /// logged in this run, still unwritten and kept in the journal, was reported as settled: Pending 0, and StopAsync
    /// Completed.
    /// </summary>
    [Fact]
    public async Task StopAsync_HardStopMidBatchAfterAnEarlierRunsRecordWasWritten_ReportsThisRunsUnwrittenOperationAsPending()
    {
        var held = new HeldSink();
        await using (var first = new CallLogger(held, new CallLoggerOptions { ShutdownTimeout = TimeSpan.Zero, Journal = { Mode = JournalMode.Spill, Directory = _journal.Path } }))
        {
            Assert.True(first.LogCallSafe(Calls.Arbitrage(1, callId: Id(1))).IsAccepted);
            Assert.True(first.LogCallSafe(Calls.Arbitrage(2, callId: "poison")).IsAccepted);
            await TestWait.Until(() => held.Writes > 0, "the first write");
        }

        Assert.Equal(2, JournalInspector.Inspect(_journal.Path).PendingRecords);

        // The next run replays both; the sink refuses any batch holding the poison call, without saying why.
        var clock = new FakeTimeProvider(TestClock.Start);
        var sink = new RefusesCallSink("poison");
        var logger = new CallLogger(sink, new CallLoggerOptions { Journal = { Mode = JournalMode.Spill, Directory = _journal.Path } }, timeProvider: clock);
        await TestWait.Until(() => sink.Attempts >= 1, "the replayed batch's first write");
        Assert.True(logger.IncrementClickSafe("poison", userId: 7).IsAccepted);

        // Two failures, then isolation writes the earlier call alone and holds the poison call and its click.
        await clock.AdvanceUntil(() => sink.Attempts >= 4, TimeSpan.FromSeconds(1), "the isolation pass's single writes");
        var stop = logger.StopAsync(TimeSpan.Zero);
        await clock.RunUntilAsync(stop);
        var result = await stop;
        await logger.DisposeAsync();

        Assert.Equal([Id(1)], sink.Written.Select(o => o.CallId));
        Assert.Equal(1, result.Pending);
        Assert.False(result.Completed);
    }

    /// <summary>
    /// A call that passed the queue's closed check just before a stop appends after the writer ended and disposed the
    /// journal. The failed append was taken for a failing disk: a Critical JournalUnavailable line and alert, and the
    /// journal reported Off, at an ordinary shutdown.
    /// </summary>
    [Fact]
    public void Enqueue_AppendingAfterTheWriterClosedTheJournal_IsNoJournalFailure()
    {
        var logs = new FakeLoggerProvider();
        var time = new FakeTimeProvider(TestClock.Start);
        var store = _journal.Open();
        var (queue, intake) = Queue(store, JournalMode.Durable, time, logs.CreateLogger("test"));

        intake.CloseJournal();
        queue.Enqueue(TempJournal.Operation(1), CallLoggerState.Running);

        Assert.DoesNotContain(logs.Collector.GetSnapshot(), e => e.Level == LogLevel.Critical);
        Assert.Equal(JournalMode.Durable, intake.EffectiveMode);
    }

    private static (OperationQueue Queue, JournalIntake Intake) Queue(IOperationJournal journal, JournalMode mode, TimeProvider time, ILogger? logger = null)
    {
        logger ??= NullLogger.Instance;
        var options = new CallLoggerOptions { QueueCapacity = 100 };
        var alerts = new AlertDispatcher([], time, options, NullLogger.Instance);
        var counters = new LoggerCounters();
        var intake = new JournalIntake(journal, "journal", mode, alerts, () => counters.Snapshot(CallLoggerState.Running, 100, 80), logger, time);
        return (new OperationQueue(options, counters, logger, intake), intake);
    }

    internal static string Id(int i) => i.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A sink that fails, with no reason given, every write holding an operation on one call.</summary>
    private sealed class RefusesCallSink(string callId) : ICallSink
    {
        private int _attempts;

        public int Attempts => Volatile.Read(ref _attempts);

        public RecordingSink Inner { get; } = new();

        public IReadOnlyCollection<CallOperation> Written => Inner.Operations;

        public ValueTask WriteAsync(IReadOnlyList<CallOperation> operations, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _attempts);
            return operations.Any(o => o.CallId == callId)
                ? throw new InvalidOperationException("storage said no")
                : Inner.WriteAsync(operations, cancellationToken);
        }
    }

    /// <summary>A sink that is not failing, only slow on purpose: while closed, every write waits until it opens.</summary>
    private sealed class GateSink : ICallSink
    {
        private volatile TaskCompletionSource _gate = Opened();

        public RecordingSink Inner { get; } = new();

        public void Close() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Open() => _gate.TrySetResult();

        public async ValueTask WriteAsync(IReadOnlyList<CallOperation> operations, CancellationToken cancellationToken)
        {
            await _gate.Task.WaitAsync(cancellationToken);
            await Inner.WriteAsync(operations, cancellationToken);
        }

        private static TaskCompletionSource Opened()
        {
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            gate.SetResult();
            return gate;
        }
    }

    /// <summary>A journal in memory whose appends fail while <see cref="Failing"/> is set.</summary>
    private sealed class SwitchableJournal : IOperationJournal
    {
        private readonly List<CallOperation> _records = [];

        public volatile bool Failing;

        public RecoveryReport Recovery { get; } = new();

        public long LastSequence
        {
            get
            {
                lock (_records)
                {
                    return _records.Count;
                }
            }
        }

        public long CommittedSequence { get; private set; }

        public long TotalBytes => 0;

        public Exception? LastError => Failing ? new IOException("disk hiccup") : null;

        public JournalAppendResult TryAppend(in CallOperation operation, out long sequence)
        {
            sequence = 0;
            if (Failing)
            {
                return JournalAppendResult.Failed;
            }

            lock (_records)
            {
                _records.Add(operation);
                sequence = _records.Count;
            }

            return JournalAppendResult.Appended;
        }

        public int Read(long afterSequence, long upToSequence, int max, List<JournalRecord> into)
        {
            lock (_records)
            {
                var added = 0;
                for (var s = afterSequence + 1; s <= Math.Min(upToSequence, _records.Count) && added < max; s++, added++)
                {
                    into.Add(new JournalRecord(s, DateTimeOffset.UnixEpoch, _records[(int)s - 1]));
                }

                return added;
            }
        }

        public void Commit(long sequence) => CommittedSequence = Math.Max(CommittedSequence, sequence);

        public void Dispose()
        {
        }
    }
}
