using SafeCallLogger.Alerts;
using SafeCallLogger.Internal;

namespace SafeCallLogger.Queue;

/// <summary>
/// The <see cref="CallLoggerAlertKind.QueueNearlyFull"/> alert: armed while the queue is low, fired once when an
/// enqueue finds it past the warning depth, re-armed when it is back under half of that. An alert the rate limit held
/// back is raised by the writer as soon as it is due, if the queue is still high, so hours of pressure never pass
/// in silence.
/// </summary>
internal sealed class QueuePressure(AlertDispatcher alerts, Func<CallLoggerHealth> health, LoggerCounters counters, int warningDepth)
{
    private int _armed = 1;
    private int _heldBack;

    public int WarningDepth => warningDepth;

    /// <summary>
    /// Caller side, after an accepted enqueue; <paramref name="accepted"/> is the count that enqueue made. The armed
    /// flag is read first: the writer's counters (on another core's cache line) are read only while an alert is due.
    /// </summary>
    public void OnAccepted(long accepted)
    {
        if (Volatile.Read(ref _armed) == 1 && accepted - Volatile.Read(ref counters.Dequeued) >= warningDepth
            && counters.QueueDepth >= warningDepth && Interlocked.Exchange(ref _armed, 0) == 1)
        {
            Raise();
        }
    }

    /// <summary>
    /// Caller side, after a refusal because the queue is full: an alert the rate limit held back goes out as soon as
    /// it is due, even while the writer is stuck on one batch and takes no new one.
    /// </summary>
    public void OnRefused()
    {
        if (Volatile.Read(ref _heldBack) == 1 && alerts.IsDue(CallLoggerAlertKind.QueueNearlyFull)
            && Interlocked.Exchange(ref _heldBack, 0) == 1)
        {
            Raise();
        }
    }

    /// <summary>Writer side, after each batch is taken off the queue.</summary>
    public void OnBatchTaken()
    {
        var now = counters.QueueDepth;
        if (now < warningDepth / 2)
        {
            Volatile.Write(ref _heldBack, 0);
            Volatile.Write(ref _armed, 1);
        }
        else if (now >= warningDepth && Volatile.Read(ref _heldBack) == 1 && alerts.IsDue(CallLoggerAlertKind.QueueNearlyFull)
            && Interlocked.Exchange(ref _heldBack, 0) == 1)
        {
            Raise();
        }
    }

    private void Raise()
    {
        var raised = alerts.Raise(CallLoggerAlertKind.QueueNearlyFull, CallLoggerAlertSeverity.Warning, health);
        Volatile.Write(ref _heldBack, raised || !alerts.HasHandlers ? 0 : 1);
    }
}
