namespace SafeCallLogger.Journal;

/// <summary>How a <see cref="JournalStore"/> sizes, caps, syncs and checkpoints its segment files.</summary>
internal sealed record JournalStoreSettings
{
    /// <summary>The size each segment file is created (preallocated and mapped) at; a record larger gets a segment of its own size.</summary>
    public long SegmentBytes { get; init; } = 8L << 20;

    /// <summary>The most bytes the records may take (records' bytes, not preallocated space): past it appends are <see cref="JournalAppendResult.Full"/>.</summary>
    public long CapBytes { get; init; } = 256L << 20;

    /// <summary>
    /// How often the mapped bytes are flushed through to the disk, off the callers' threads. <see cref="TimeSpan.Zero"/>:
    /// continuously (a flush per batch of appends); <see cref="Timeout.InfiniteTimeSpan"/>: never (left to the OS).
    /// </summary>
    public TimeSpan SyncInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>At most how often a commit writes the durable checkpoint (measured on the store's TimeProvider); a wholly committed segment writes it at once.</summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(SegmentBytes, 1024, nameof(SegmentBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(CapBytes, SegmentBytes, nameof(CapBytes));
        if (SyncInterval < TimeSpan.Zero && SyncInterval != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(SyncInterval), SyncInterval, "Zero, positive or infinite.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(CheckpointInterval, TimeSpan.Zero, nameof(CheckpointInterval));
    }
}
