using SafeCallLogger.Alerts;
using SafeCallLogger.Diagnostics;

namespace SafeCallLogger;

/// <summary>
/// A snapshot of the logger's health: state, queue, counts by outcome and losses by reason. Counts are since the
/// logger started. "Operations" are calls, clicks, results and closing lines alike.
/// </summary>
public sealed record CallLoggerHealth
{
    /// <summary>The state.</summary>
    public required CallLoggerState State { get; init; }

    /// <summary><see langword="true"/> unless <see cref="State"/> is <see cref="CallLoggerState.Disabled"/> or <see cref="CallLoggerState.Stopped"/>.</summary>
    public bool IsEnabled => State is CallLoggerState.Running or CallLoggerState.Degraded;

    /// <summary>Operations in the queue now.</summary>
    public required int QueueDepth { get; init; }

    /// <summary>The queue's capacity (<see cref="CallLoggerOptions.QueueCapacity"/>).</summary>
    public required int QueueCapacity { get; init; }

    /// <summary>
    /// The queue depth from which the queue counts as nearly full: <see cref="QueueCapacity"/> times
    /// <see cref="CallLoggerOptions.QueueWarningRatio"/>, rounded up, at least 1. The same depth raises the
    /// <see cref="CallLoggerAlertKind.QueueNearlyFull"/> alert.
    /// </summary>
    public required int QueueWarningDepth { get; init; }

    /// <summary>
    /// <see langword="true"/> when <see cref="QueueDepth"/> has reached <see cref="QueueWarningDepth"/>, as the health
    /// check and the stats' advice read it. Never <see langword="true"/> while <see cref="QueueWarningDepth"/> is 0.
    /// </summary>
    public bool IsQueueNearlyFull => QueueWarningDepth > 0 && QueueDepth >= QueueWarningDepth;

    /// <summary>Operations accepted into the queue.</summary>
    public required long Accepted { get; init; }

    /// <summary>Operations rejected as invalid.</summary>
    public required long Rejected { get; init; }

    /// <summary>
    /// Rejections by reason (only reasons seen are present). Printed by <see cref="ToString"/> as
    /// <c>{ InvalidOdds = 3, MissingTeam = 1 }</c>, in reason order.
    /// </summary>
    public required IReadOnlyDictionary<RejectionReason, long> RejectedByReason { get; init => field = RejectionCounts.Wrap(value); }

    /// <summary>Operations written to the sink.</summary>
    public required long Written { get; init; }

    /// <summary>Accepted operations not yet settled (queued, being written, or waiting for a retry).</summary>
    public required long Pending { get; init; }

    /// <summary>Operations not queued because the queue was full (<see cref="QueueFullMode.RejectNew"/>).</summary>
    public required long DroppedQueueFull { get; init; }

    /// <summary>Operations not queued because the logger was disabled.</summary>
    public required long DroppedDisabled { get; init; }

    /// <summary>Operations not queued because the logger was stopping or stopped.</summary>
    public required long DroppedStopped { get; init; }

    /// <summary>Accepted operations discarded to make room (<see cref="QueueFullMode.DropOldest"/>).</summary>
    public required long DroppedOverwritten { get; init; }

    /// <summary>
    /// Accepted operations set aside as poison whose only copy is an Error log line: no dead-letter store took them
    /// (the sink is no <see cref="IDeadLetterSink"/> and <see cref="CallLoggerOptions.DeadLetterPath"/> is not set or
    /// not writable), or shutdown ran out of time before storage did. Counted as lost.
    /// </summary>
    public required long Quarantined { get; init; }

    /// <summary>
    /// Accepted operations storage refused for what they hold, set aside and kept as <see cref="DeadLetter"/>s (in the
    /// sink's dead-letter store or <see cref="CallLoggerOptions.DeadLetterPath"/>): not written, not lost, re-playable.
    /// </summary>
    public long DeadLettered { get; init; }

    /// <summary>How many times the sink found its storage deleted or replaced and switched to a new one (<see cref="StorageReplacedException"/>).</summary>
    public long StorageReplaced { get; init; }

    /// <summary>Accepted operations still queued when shutdown ran out of time.</summary>
    public required long AbandonedAtShutdown { get; init; }

    /// <summary>Every operation that did not reach the sink: all the dropped, quarantined and abandoned counts (not <see cref="Rejected"/>).</summary>
    public long Dropped => DroppedQueueFull + DroppedDisabled + DroppedStopped + DroppedOverwritten + Quarantined + AbandonedAtShutdown;

    /// <summary>The journal's mode as the logger runs it: <see cref="SafeCallLogger.JournalMode.Off"/>, <see cref="SafeCallLogger.JournalMode.Spill"/> or <see cref="SafeCallLogger.JournalMode.Durable"/> (never Auto). Off too when the journal could not be opened.</summary>
    public JournalMode JournalMode { get; init; } = JournalMode.Off;

    /// <summary>The journal's directory as a full path, or <see langword="null"/> without a journal.</summary>
    public string? JournalDirectory { get; init; }

    /// <summary>Accepted operations written to the journal (by this process).</summary>
    public long Journaled { get; init; }

    /// <summary>Journaled operations the sink has not committed yet, a crashed process's included: what a restart would replay.</summary>
    public long JournalPending { get; init; }

    /// <summary>The bytes the journal's records take on disk now.</summary>
    public long JournalBytes { get; init; }

    /// <summary>Journaled operations delivered to the sink from the journal's files (a crashed process's replayed at start-up included).</summary>
    public long Replayed { get; init; }

    /// <summary>Damaged regions found in the journal's files, skipped and kept aside in its <c>corrupt/</c> folder.</summary>
    public long JournalCorrupt { get; init; }

    /// <summary>Sink writes that succeeded.</summary>
    public required long Successes { get; init; }

    /// <summary>Sink writes that failed (threw or timed out).</summary>
    public required long Errors { get; init; }

    /// <summary>Failed writes since the last success.</summary>
    public required int ConsecutiveErrors { get; init; }

    /// <summary>Successful writes in percent of all writes; 100 before any write.</summary>
    public double HealthPercent => Successes + Errors == 0 ? 100 : 100.0 * Successes / (Successes + Errors);

    /// <summary>The last error's type and message, or <see langword="null"/>.</summary>
    public string? LastError { get; init; }

    /// <summary>When the last error happened, or <see langword="null"/>.</summary>
    public DateTimeOffset? LastErrorAt { get; init; }

    /// <summary>When the last successful write happened, or <see langword="null"/>.</summary>
    public DateTimeOffset? LastSuccessAt { get; init; }
}
