namespace SafeCallLogger;

/// <summary>The logger's state.</summary>
public enum CallLoggerState
{
    /// <summary>Accepting calls; the last write succeeded (or none was needed yet).</summary>
    Running = 0,

    /// <summary>Accepting calls, but the last write failed; the writer is retrying.</summary>
    Degraded = 1,

    /// <summary>Too many consecutive errors: new calls are refused, queued ones are kept, and storage is probed until it works.</summary>
    Disabled = 2,

    /// <summary>Stopping or stopped: new calls are refused.</summary>
    Stopped = 3,
}
