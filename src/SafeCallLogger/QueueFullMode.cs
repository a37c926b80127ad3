namespace SafeCallLogger;

/// <summary>What the logger does when its queue is full. It never blocks the caller.</summary>
public enum QueueFullMode
{
    /// <summary>The new operation is not queued; the caller gets <see cref="LogStatus.QueueFull"/> and it is counted as dropped. Older queued operations are kept.</summary>
    RejectNew = 0,

    /// <summary>The new operation is queued and the oldest queued one is discarded and counted as lost. Keeps the most recent data.</summary>
    DropOldest = 1,
}
