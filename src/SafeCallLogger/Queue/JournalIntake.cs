using Microsoft.Extensions.Logging;
using SafeCallLogger.Alerts;
using SafeCallLogger.Diagnostics;
using SafeCallLogger.Journal;

namespace SafeCallLogger.Queue;

/// <summary>
/// The callers' side of the journal: whether new operations are journaled now (always in durable mode; in spill mode
/// from a trigger until the writer has caught up), the append itself, and what a full or failing journal means for
/// callers: a full one refuses (a Critical alert, once an episode); a failing one is left alone for a while and the
/// callers work in memory (a Critical alert, once an episode). Never throws, never waits on I/O.
/// </summary>
internal sealed class JournalIntake(
    IOperationJournal journal,
    string directory,
    JournalMode mode,
    AlertDispatcher alerts,
    Func<CallLoggerHealth> health,
    ILogger logger,
    TimeProvider time)
{
    /// <summary>How long a journal that failed an append is left alone before callers try it again.</summary>
    internal static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(5);

    private int _engaged = mode == JournalMode.Durable ? 1 : 0;
    private long _failedUntilTimestamp;
    private int _failing;
    private int _full;
    private long _journaled;
    private long _bypassedUpTo;
    private int _closed;

    public IOperationJournal Journal => journal;

    public string Directory => directory;

    public JournalMode Mode => mode;

    /// <summary>Operations this process appended.</summary>
    public long Journaled => Interlocked.Read(ref _journaled);

    /// <summary>
    /// Whether callers journal new operations now: engaged, and not resting after a failure. Once the rest is over
    /// the next call tries the journal again (its success ends the failure, its failure starts another rest); waiting
    /// for a success here would never try again.
    /// </summary>
    public bool Engaged => Volatile.Read(ref _engaged) == 1 && CanAppend;

    /// <summary>The mode in effect: <see cref="JournalMode.Off"/> while the journal rests after a failed append.</summary>
    public JournalMode EffectiveMode => Volatile.Read(ref _failing) == 1 ? JournalMode.Off : mode;

    /// <summary>Whether an append may be tried now: not resting after a failure.</summary>
    public bool CanAppend => Volatile.Read(ref _failing) == 0 || RestIsOver();

    /// <summary>The highest sequence appended whose copy found the queue full (or closed): the writer must read it back.</summary>
    public long BypassedUpTo => Interlocked.Read(ref _bypassedUpTo);

    /// <summary>Caller side: the copy of record <paramref name="sequence"/> did not fit in the queue.</summary>
    public void MarkBypassed(long sequence)
    {
        var seen = Interlocked.Read(ref _bypassedUpTo);
        while (sequence > seen)
        {
            var previous = Interlocked.CompareExchange(ref _bypassedUpTo, sequence, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }

    /// <summary>The last sequence appended: a memory operation queued now is delivered after every record up to it.</summary>
    public long Horizon => journal.LastSequence;

    /// <summary>Spill mode: journal new operations from now on. Idempotent; any thread.</summary>
    public void Engage(string why)
    {
        if (Interlocked.Exchange(ref _engaged, 1) == 0)
        {
            JournalLog.Engaged(logger, why);
        }
    }

    /// <summary>Writer side, spill mode: back to memory once everything journaled is delivered.</summary>
    public void DisengageIfCaughtUp(long delivered)
    {
        if (mode == JournalMode.Spill && Volatile.Read(ref _engaged) == 1 && journal.LastSequence <= delivered
            && Interlocked.Exchange(ref _engaged, 0) == 1)
        {
            // A caller that read the flag before this still appends: its record is delivered by its horizon, in order.
            JournalLog.Disengaged(logger);
        }
    }

    /// <summary>
    /// Writer side, once it has ended: disposes the journal. Marked closed first, so that a caller that passed the
    /// queue's closed check just before the stop and appends now is not taken for a failing disk (a Critical alert
    /// and a rest at every racy shutdown); its append fails and the closed queue refuses it as stopped.
    /// </summary>
    public void CloseJournal()
    {
        Volatile.Write(ref _closed, 1);
        journal.Dispose();
    }

    /// <summary>Appends from the caller's thread; counts, logs and alerts what a full or failing journal means.</summary>
    public JournalAppendResult Append(in CallOperation operation, out long sequence)
    {
        var result = journal.TryAppend(operation, out sequence);
        switch (result)
        {
            case JournalAppendResult.Appended:
                Interlocked.Increment(ref _journaled);
                if (Volatile.Read(ref _full) == 1)
                {
                    Volatile.Write(ref _full, 0);
                }

                if (Volatile.Read(ref _failing) == 1 && Interlocked.Exchange(ref _failing, 0) == 1)
                {
                    JournalLog.Available(logger, directory);
                }

                break;
            case JournalAppendResult.Full:
                if (Interlocked.Exchange(ref _full, 1) == 0)
                {
                    JournalLog.Full(logger, directory, journal.TotalBytes);
                    alerts.Raise(CallLoggerAlertKind.JournalFull, CallLoggerAlertSeverity.Critical, health, alwaysSend: true);
                }

                break;
            case JournalAppendResult.TooLarge:
                // Only this record: the journal is fine, the operation goes through memory.
                break;
            case JournalAppendResult.Failed when Volatile.Read(ref _closed) == 1:
                // Disposed under the caller by the stop, not failing: nothing to alert or rest.
                break;
            default:
                Volatile.Write(ref _failedUntilTimestamp, time.GetTimestamp() + (long)(RetryAfterFailure.TotalSeconds * time.TimestampFrequency));
                if (Interlocked.Exchange(ref _failing, 1) == 0)
                {
                    JournalLog.Unavailable(logger, journal.LastError, directory, journal.LastError?.Message ?? "append failed");
                    alerts.Raise(CallLoggerAlertKind.JournalUnavailable, CallLoggerAlertSeverity.Critical, health, alwaysSend: true);
                }

                break;
        }

        return result;
    }

    private bool RestIsOver() => time.GetTimestamp() >= Volatile.Read(ref _failedUntilTimestamp);
}
