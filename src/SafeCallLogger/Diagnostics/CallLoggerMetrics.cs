using System.Diagnostics.Metrics;
using SafeCallLogger.Internal;
using SafeCallLogger.Queue;

namespace SafeCallLogger.Diagnostics;

/// <summary>
/// System.Diagnostics.Metrics instruments, named and shaped by the OpenTelemetry semantic conventions (docs/METRICS.md):
/// durations in seconds as histograms, amounts that add up across processes as up-down counters, attributes in the
/// <c>safecalllogger.</c> namespace. Counts are observed from <see cref="LoggerCounters"/> when a listener collects,
/// so the hot path pays nothing for them; only the writer records batch histograms. The meter comes from the
/// container's <see cref="IMeterFactory"/> when there is one (the factory owns and disposes it, and a listener can tell
/// one container's logger from another's); otherwise this class creates and disposes its own.
/// </summary>
internal sealed class CallLoggerMetrics : IDisposable
{
    /// <summary>The attribute naming why an operation did not reach the sink.</summary>
    internal const string DropReason = "safecalllogger.drop.reason";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Histogram<double> _batchDuration;
    private readonly Histogram<int> _batchSize;

    public CallLoggerMetrics(LoggerCounters counters, IMeterFactory? meterFactory = null)
    {
        var version = typeof(CallLoggerMetrics).Assembly.GetName().Version?.ToString();
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(new MeterOptions(CallLoggerDiagnostics.MeterName) { Version = version })
            ?? new Meter(CallLoggerDiagnostics.MeterName, version);
        _meter.CreateObservableCounter("safecalllogger.operations.accepted", () => counters.Accepted, "{operation}", "Operations accepted into the queue.");
        _meter.CreateObservableCounter("safecalllogger.operations.rejected", () => Interlocked.Read(ref counters.Rejected), "{operation}", "Operations rejected as invalid.");
        _meter.CreateObservableCounter("safecalllogger.operations.written", () => Interlocked.Read(ref counters.Written), "{operation}", "Operations written to the sink.");
        _meter.CreateObservableCounter("safecalllogger.operations.dropped", () => new[]
        {
            Dropped(Interlocked.Read(ref counters.DroppedQueueFull), "queue_full"),
            Dropped(Interlocked.Read(ref counters.DroppedDisabled), "disabled"),
            Dropped(Interlocked.Read(ref counters.DroppedStopped), "stopped"),
            Dropped(Interlocked.Read(ref counters.DroppedOverwritten), "overwritten"),
            Dropped(Interlocked.Read(ref counters.Quarantined), "poison"),
            Dropped(Interlocked.Read(ref counters.Abandoned), "shutdown"),
        }, "{operation}", "Operations that did not reach the sink, by reason (safecalllogger.drop.reason).");
        _meter.CreateObservableCounter("safecalllogger.writes.failed", () => Interlocked.Read(ref counters.Errors), "{write}", "Sink writes that failed or timed out.");
        _meter.CreateObservableUpDownCounter("safecalllogger.queue.depth", () => counters.QueueDepth, "{operation}", "Operations waiting in the queue.");
        _batchDuration = CreateDurationHistogram(_meter);
        _batchSize = _meter.CreateHistogram<int>("safecalllogger.batch.size", "{operation}", "Operations in one successful sink write.");
    }

    /// <summary>The meter the instruments are on, for tests.</summary>
    internal Meter Meter => _meter;

    /// <summary>The journal's instruments, for a logger that has one.</summary>
    public void ObserveJournal(JournalIntake intake, Func<long> replayed)
    {
        var journal = intake.Journal;
        _meter.CreateObservableCounter("safecalllogger.journal.appended", () => intake.Journaled, "{operation}", "Operations written to the journal.");
        _meter.CreateObservableCounter("safecalllogger.journal.replayed", replayed, "{operation}", "Journaled operations delivered to the sink from the journal's files.");
        _meter.CreateObservableUpDownCounter("safecalllogger.journal.pending", () => Math.Max(0, journal.LastSequence - journal.CommittedSequence), "{operation}", "Journaled operations the sink has not committed yet.");
        _meter.CreateObservableUpDownCounter("safecalllogger.journal.size", () => journal.TotalBytes, "By", "Bytes the journal's records take.");
        _meter.CreateObservableCounter("safecalllogger.journal.corrupt", () => (long)journal.Recovery.CorruptRecords, "{region}", "Damaged regions found in the journal's files and skipped.");
    }

    public void RecordBatch(int size, TimeSpan duration)
    {
        _batchSize.Record(size);
        _batchDuration.Record(duration.TotalSeconds);
    }

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    private static Measurement<long> Dropped(long value, string reason) => new(value, new KeyValuePair<string, object?>(DropReason, reason));

    private static Histogram<double> CreateDurationHistogram(Meter meter)
    {
        const string Name = "safecalllogger.batch.duration";
        const string Description = "Time of one successful sink write.";
#if NET9_0_OR_GREATER
        // The OpenTelemetry SDK's default buckets are for milliseconds (0 to 10,000); these are the semantic
        // conventions' for a duration in seconds (http.server.request.duration's), 5 ms to 10 s.
        return meter.CreateHistogram<double>(Name, "s", Description, tags: null, new InstrumentAdvice<double>
        {
            HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10],
        });
#else
        return meter.CreateHistogram<double>(Name, "s", Description);
#endif
    }
}
