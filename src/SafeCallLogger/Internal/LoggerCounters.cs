namespace SafeCallLogger.Internal;

/// <summary>
/// The logger's counts, shared by the callers' threads and the writer. Plain fields updated with
/// <see cref="Interlocked"/>: the hot path touches one of them per call.
/// </summary>
internal sealed class LoggerCounters
{
    private readonly long[] _rejectedByReason = new long[Enum.GetValues<RejectionReason>().Length];

    /// <summary>Written by every caller: kept on a cache line of its own, away from the counters the writer updates.</summary>
    public PaddedCounter AcceptedSlot;
    public long Rejected;
    public long Written;
    public long Dequeued;

    /// <summary>Accepted operations that went to the journal only (the queue was full): never dequeued.</summary>
    public long BypassedQueue;

    /// <summary>This process's journaled operations still in the journal when the writer ended: the next start replays them.</summary>
    public long LeftInJournal;

    /// <summary>An earlier run's journaled operations this run replayed and settled: in <see cref="Written"/> and the like, not in <see cref="Accepted"/>.</summary>
    public long EarlierRunSettled;
    public long DroppedQueueFull;
    public long DroppedDisabled;
    public long DroppedStopped;
    public long DroppedOverwritten;
    public long Quarantined;
    public long DeadLettered;
    public long StorageReplaced;
    public long Abandoned;
    public long Successes;
    public long Errors;
    public int ConsecutiveErrors;
    public long LastErrorAtTicks;
    public long LastSuccessAtTicks;
    public string? LastError;

    public long Accepted => Interlocked.Read(ref AcceptedSlot.Value);

    /// <summary>Accepted operations that reached an end: written or lost after acceptance.</summary>
    public long Settled => Interlocked.Read(ref Written) + Interlocked.Read(ref DroppedOverwritten)
        + Interlocked.Read(ref Quarantined) + Interlocked.Read(ref DeadLettered) + Interlocked.Read(ref Abandoned)
        - Interlocked.Read(ref EarlierRunSettled);

    public long NotAccepted => Interlocked.Read(ref Rejected) + Interlocked.Read(ref DroppedQueueFull)
        + Interlocked.Read(ref DroppedDisabled) + Interlocked.Read(ref DroppedStopped);

    public long LostAfterAcceptance => Interlocked.Read(ref DroppedOverwritten) + Interlocked.Read(ref Quarantined)
        + Interlocked.Read(ref Abandoned);

    public int QueueDepth => (int)Math.Max(0, Accepted - Interlocked.Read(ref BypassedQueue) - Interlocked.Read(ref Dequeued) - Interlocked.Read(ref DroppedOverwritten));

    /// <summary>What a flush or a stop reports, from the counters' own sums.</summary>
    public FlushResult ToFlushResult(bool completed) =>
        new(completed, Interlocked.Read(ref Written), Math.Max(0, Accepted - Settled), NotAccepted, LostAfterAcceptance);

    public void CountRejection(RejectionReason reason)
    {
        Interlocked.Increment(ref Rejected);
        var index = (int)reason;
        if ((uint)index < (uint)_rejectedByReason.Length)
        {
            Interlocked.Increment(ref _rejectedByReason[index]);
        }
    }

    /// <param name="state">The logger's state.</param>
    /// <param name="capacity">The queue's capacity.</param>
    /// <param name="queueWarningDepth">
    /// The depth that raises QueueNearlyFull (<see cref="CallLogger.QueueWarningDepth"/>).
    /// </param>
    public CallLoggerHealth Snapshot(CallLoggerState state, int capacity, int queueWarningDepth)
    {
        var byReason = new Dictionary<RejectionReason, long>();
        for (var i = 0; i < _rejectedByReason.Length; i++)
        {
            var count = Interlocked.Read(ref _rejectedByReason[i]);
            if (count > 0)
            {
                byReason[(RejectionReason)i] = count;
            }
        }

        var accepted = Accepted;
        return new CallLoggerHealth
        {
            State = state,
            QueueDepth = QueueDepth,
            QueueCapacity = capacity,
            QueueWarningDepth = queueWarningDepth,
            Accepted = accepted,
            Rejected = Interlocked.Read(ref Rejected),
            RejectedByReason = byReason,
            Written = Interlocked.Read(ref Written),
            Pending = Math.Max(0, accepted - Settled),
            DroppedQueueFull = Interlocked.Read(ref DroppedQueueFull),
            DroppedDisabled = Interlocked.Read(ref DroppedDisabled),
            DroppedStopped = Interlocked.Read(ref DroppedStopped),
            DroppedOverwritten = Interlocked.Read(ref DroppedOverwritten),
            Quarantined = Interlocked.Read(ref Quarantined),
            DeadLettered = Interlocked.Read(ref DeadLettered),
            StorageReplaced = Interlocked.Read(ref StorageReplaced),
            AbandonedAtShutdown = Interlocked.Read(ref Abandoned),
            Successes = Interlocked.Read(ref Successes),
            Errors = Interlocked.Read(ref Errors),
            ConsecutiveErrors = Volatile.Read(ref ConsecutiveErrors),
            LastError = Volatile.Read(ref LastError),
            LastErrorAt = ToTime(Interlocked.Read(ref LastErrorAtTicks)),
            LastSuccessAt = ToTime(Interlocked.Read(ref LastSuccessAtTicks)),
        };
    }

    private static DateTimeOffset? ToTime(long utcTicks) => utcTicks == 0 ? null : new DateTimeOffset(utcTicks, TimeSpan.Zero);
}

/// <summary>A counter alone on its 64-byte cache line (with 64 bytes of padding on each side).</summary>
[System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Explicit, Size = 136)]
internal struct PaddedCounter
{
    [System.Runtime.InteropServices.FieldOffset(64)]
    public long Value;
}
