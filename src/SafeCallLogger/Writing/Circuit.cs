using SafeCallLogger.Internal;

namespace SafeCallLogger.Writing;

/// <summary>What a write's outcome changed in the <see cref="Circuit"/>, for the writer to log and alert on (outside the lock).</summary>
internal enum CircuitChange
{
    /// <summary>Nothing worth telling.</summary>
    None,

    /// <summary>Errors reached the alert threshold again.</summary>
    ErrorThresholdReached,

    /// <summary>Too many consecutive errors: now disabled.</summary>
    Disabled,

    /// <summary>A write succeeded after the logger was disabled or after an error alert went out.</summary>
    Recovered,
}

/// <summary>
/// The logger's Running / Degraded / Disabled state and the error counts that drive it. Every transition happens
/// under one lock, in the methods named <c>On…</c>; the hot path only reads <see cref="State"/>. The circuit never
/// trips on an operation's own fault (poison) or on storage that was replaced: only on storage failing.
/// </summary>
// Not Polly's circuit breaker (served): this one is the Python logger's state machine (alert at N errors, disable at M consecutive, probe, recover) with the counters the health snapshot reads, not a break-for-a-duration policy.
internal sealed class Circuit(CallLoggerOptions options, LoggerCounters counters, TimeProvider time)
{
    private readonly object _gate = new();
    private int _state = (int)CallLoggerState.Running;
    private long _errorsAtLastAlert;
    private bool _errorAlertSinceSuccess;

    /// <summary>The state as the last write left it. Lock-free read for the callers' threads.</summary>
    public CallLoggerState State => (CallLoggerState)Volatile.Read(ref _state);

    /// <summary>A write failed because storage did. Counts it and returns the change to report.</summary>
    public CircuitChange OnStorageFailure(Exception error)
    {
        lock (_gate)
        {
            var errors = Interlocked.Increment(ref counters.Errors);
            var consecutive = Interlocked.Increment(ref counters.ConsecutiveErrors);
            Volatile.Write(ref counters.LastError, $"{error.GetType().Name}: {error.Message}");
            Interlocked.Exchange(ref counters.LastErrorAtTicks, time.GetUtcNow().UtcTicks);
            if (State == CallLoggerState.Running)
            {
                SetState_NeedsLock(CallLoggerState.Degraded);
            }

            if (consecutive >= options.DisableAfterConsecutiveErrors && State != CallLoggerState.Disabled)
            {
                SetState_NeedsLock(CallLoggerState.Disabled);
                return CircuitChange.Disabled;
            }

            if (errors - _errorsAtLastAlert >= options.ErrorAlertThreshold)
            {
                _errorsAtLastAlert = errors;
                return CircuitChange.ErrorThresholdReached;
            }

            return CircuitChange.None;
        }
    }

    /// <summary>The writer raised the error alert that <see cref="CircuitChange.ErrorThresholdReached"/> asked for.</summary>
    public void OnErrorAlertSent()
    {
        lock (_gate)
        {
            _errorAlertSinceSuccess = true;
        }
    }

    /// <summary>A write succeeded. Returns <see cref="CircuitChange.Recovered"/> when that ends a reported outage.</summary>
    public CircuitChange OnSuccess()
    {
        Interlocked.Increment(ref counters.Successes);
        Interlocked.Exchange(ref counters.LastSuccessAtTicks, time.GetUtcNow().UtcTicks);

        // Most writes change nothing: skip the lock and the store, since every enqueue reads _state's cache line.
        if (State == CallLoggerState.Running && Volatile.Read(ref counters.ConsecutiveErrors) == 0)
        {
            return CircuitChange.None;
        }

        lock (_gate)
        {
            Volatile.Write(ref counters.ConsecutiveErrors, 0);
            var previous = State;
            var reported = previous == CallLoggerState.Disabled || (previous == CallLoggerState.Degraded && _errorAlertSinceSuccess);
            _errorAlertSinceSuccess = false;
            SetState_NeedsLock(CallLoggerState.Running);
            return reported ? CircuitChange.Recovered : CircuitChange.None;
        }
    }

    /// <summary>
    /// An operation's failures turned out to be its own (storage refused its content, or it failed alone while others
    /// were written): they say nothing against storage, so the consecutive count starts again and a degraded logger
    /// runs again. A disabled one stays disabled until a write succeeds.
    /// </summary>
    public void OnPoisonSetAside()
    {
        lock (_gate)
        {
            Volatile.Write(ref counters.ConsecutiveErrors, 0);
            if (State == CallLoggerState.Degraded && !_errorAlertSinceSuccess)
            {
                SetState_NeedsLock(CallLoggerState.Running);
            }
        }
    }

    private void SetState_NeedsLock(CallLoggerState state)
    {
        if (State != state)
        {
            Volatile.Write(ref _state, (int)state);
        }
    }
}
