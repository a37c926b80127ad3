namespace SafeCallLogger.Queue;

/// <summary>What a queue slot holds.</summary>
internal enum QueuedKind : byte
{
    /// <summary>An operation that lives only in memory until the sink commits it.</summary>
    Memory,

    /// <summary>The in-memory copy of a journaled operation: the writer uses it instead of reading the record back.</summary>
    Copy,

    /// <summary>No operation: tells the writer that journal records up to <see cref="QueuedOperation.Horizon"/> wait for it.</summary>
    Marker,
}

/// <summary>
/// One slot of the queue: the operation, and where it stands against the journal. The writer delivers the journal
/// records up to <see cref="Horizon"/> before the slot's own operation: a record appended before an operation was
/// queued is delivered before it, whichever way each went, so order follows what callers saw, with or without the journal.
/// </summary>
/// <param name="Operation">The operation (default for a marker).</param>
/// <param name="Kind">What the slot holds.</param>
/// <param name="Horizon">
/// For <see cref="QueuedKind.Memory"/>, the journal's last sequence when the operation was queued; for
/// <see cref="QueuedKind.Copy"/> and <see cref="QueuedKind.Marker"/>, the sequence of the record itself.
/// </param>
internal readonly record struct QueuedOperation(CallOperation Operation, QueuedKind Kind, long Horizon);
