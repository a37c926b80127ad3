namespace SafeCallLogger;

/// <summary>What became of one <c>...Safe</c> call.</summary>
public enum LogStatus
{
    /// <summary>Queued for the background writer. It reaches the sink unless the process dies first or the sink rejects it as poison.</summary>
    Accepted = 0,

    /// <summary>Invalid input; see <see cref="LogResult.Reason"/>. Nothing was queued.</summary>
    Rejected = 1,

    /// <summary>The queue was full and <see cref="CallLoggerOptions.QueueFullMode"/> is <see cref="QueueFullMode.RejectNew"/>. Nothing was queued.</summary>
    QueueFull = 2,

    /// <summary>The logger disabled itself after too many consecutive storage errors and is probing for recovery. Nothing was queued.</summary>
    Disabled = 3,

    /// <summary>The logger is stopping or stopped. Nothing was queued.</summary>
    Stopped = 4,
}
