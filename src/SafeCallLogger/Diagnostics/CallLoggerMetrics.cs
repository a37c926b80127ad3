using System.Diagnostics.Metrics;
using SafeCallLogger.Internal;
using SafeCallLogger.Queue;

namespace SafeCallLogger.Diagnostics;

/// <summary>
/// System.Diagnostics.Metrics instruments. Counts are observed from <see cref="LoggerCounters"/> when a listener
/// collects, so the hot path pays nothing for them; only the writer records batch histograms.
/// </summary>
internal sealed class CallLoggerMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly Histogram<double> _batchDuration;
    private readonly Histogram<int> _batchSize;

    public CallLoggerMetrics(LoggerCounters counters)
    {
        _meter = new Meter(CallLoggerDiagnostics.MeterName, typeof(CallLoggerMetrics).Assembly.GetName().Version?.ToString());
        _meter.CreateObservableCounter("safecalllogger.operations.accepted", () => counters.Accepted, "{operation}", "Operations accepted into the queue.");
        _meter.CreateObservableCounter("safecalllogger.operations.rejected", () => Interlocked.Read(ref counters.Rejected), "{operation}", "Operations rejected as invalid.");
        _meter.CreateObservableCounter("safecalllogger.operations.written", () => Interlocked.Read(ref counters.Written), "{operation}", "Operations written to the sink.");
        _meter.CreateObservableCounter("safecalllogger.operations.dropped", () => new[]
        {
            new Measurement<long>(Interlocked.Read(ref counters.DroppedQueueFull), new KeyValuePair<string, object?>("reason", "queue_full")),
            new Measurement<long>(Interlocked.Read(ref counters.DroppedDisabled), new KeyValuePair<string, object?>("reason", "disabled")),
            new Measurement<long>(Interlocked.Read(ref counters.DroppedStopped), new KeyValuePair<string, object?>("reason", "stopped")),
            new Measurement<long>(Interlocked.Read(ref counters.DroppedOverwritten), new KeyValuePair<string, object?>("reason", "overwritten")),
            new Measurement<long>(Interlocked.Read(ref counters.Quarantined), new KeyValuePair<string, object?>("reason", "poison")),
            new Measurement<long>(Interlocked.Read(ref counters.Abandoned), new KeyValuePair<string, object?>("reason", "shutdown")),
        }, "{operation}", "Operations that did not reach the sink, by reason.");
        _meter.CreateObservableCounter("safecalllogger.writes.failed", () => Interlocked.Read(ref counters.Errors), "{write}", "Sink writes that failed or timed out.");
        _meter.CreateObservableGauge("safecalllogger.queue.depth", () => counters.QueueDepth, "{operation}", "Operations waiting in the queue.");
        _batchDuration = _meter.CreateHistogram<double>("safecalllogger.batch.duration", "ms", "Time of one sink write.");
        _batchSize = _meter.CreateHistogram<int>("safecalllogger.batch.size", "{operation}", "Operations in one sink write.");
    }

    /// <summary>The journal's instruments, for a logger that has one.</summary>
    public void ObserveJournal(JournalIntake intake, Func<long> replayed)
    {
        var journal = intake.Journal;
        _meter.CreateObservableCounter("safecalllogger.journal.appended", () => intake.Journaled, "{operation}", "Operations written to the journal.");
        _meter.CreateObservableCounter("safecalllogger.journal.replayed", replayed, "{operation}", "Journaled operations delivered to the sink from the journal's files.");
        _meter.CreateObservableGauge("safecalllogger.journal.pending", () => Math.Max(0, journal.LastSequence - journal.CommittedSequence), "{operation}", "Journaled operations the sink has not committed yet.");
        _meter.CreateObservableGauge("safecalllogger.journal.size", () => journal.TotalBytes, "By", "Bytes the journal's records take.");
        _meter.CreateObservableCounter("safecalllogger.journal.corrupt", () => (long)journal.Recovery.CorruptRecords, "{region}", "Damaged regions found in the journal's files and skipped.");
    }

    public void RecordBatch(int size, TimeSpan duration)
    {
        _batchSize.Record(size);
        _batchDuration.Record(duration.TotalMilliseconds);
    }

    public void Dispose() => _meter.Dispose();
}
