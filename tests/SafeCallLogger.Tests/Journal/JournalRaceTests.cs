using Microsoft.Extensions.Logging;
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
        var logs = new CapturingLoggerProvider();
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
        await TestWait.Until(() => logs.Entries.Any(e => e.EventId == Disengaged), "the journal to disengage once caught up");
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

    internal static string Id(int i) => i.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);

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
}
