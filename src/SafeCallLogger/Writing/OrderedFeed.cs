using SafeCallLogger.Journal;
using SafeCallLogger.Queue;

namespace SafeCallLogger.Writing;

/// <summary>
/// What the writer delivers next, in order, from the queue and the journal: before a queued slot, the journal records
/// up to its horizon (<see cref="QueuedOperation"/>); a journaled operation's in-memory copy instead of its record
/// when its turn comes; and, once the queue is empty, whatever the journal still holds (an earlier run's records at
/// start-up, records that found the queue full). Writer thread only. Keeps the accounting of the batch being filled:
/// how many of this run's accepted operations it holds, and the highest journal sequence to commit once it is settled.
/// </summary>
internal sealed class OrderedFeed
{
    private readonly OperationQueue _queue;
    private readonly IOperationJournal? _journal;
    private readonly long _earlierRun;
    private readonly List<JournalRecord> _records = [];
    private readonly HashSet<Guid>? _batchMemory;
    private readonly HashSet<Guid>? _batchEarlierRun;
    private QueuedOperation? _held;
    private long _delivered;
    private long _replayed;
    private int _taken;

    public OrderedFeed(OperationQueue queue, IOperationJournal? journal)
    {
        _queue = queue;
        _journal = journal;
        _delivered = journal?.CommittedSequence ?? 0;
        _batchMemory = journal is null ? null : [];
        _batchEarlierRun = journal is null ? null : [];

        // Records up to here were appended by an earlier run: not counted as accepted by this one.
        _earlierRun = journal?.LastSequence ?? 0;
    }

    /// <summary>The highest journal sequence put into a batch (or passed over).</summary>
    public long Delivered => _delivered;

    /// <summary>Records read back from the journal's files and delivered.</summary>
    public long Replayed => Interlocked.Read(ref _replayed);

    /// <summary>This run's accepted operations in the batch being filled (the watermark advances by it once the batch is settled).</summary>
    public long BatchAccepted { get; private set; }

    /// <summary>An earlier run's records in the batch being filled: written like the rest, but never counted as accepted by this run.</summary>
    public long BatchEarlierRun { get; private set; }

    /// <summary>The highest journal sequence in the batch being filled, 0 when none.</summary>
    public long BatchSequence { get; private set; }

    /// <summary>
    /// Journal records to read back now: an earlier run's, and this run's whose copy found the queue full. A record
    /// whose copy is on its way (appended a moment before its copy is queued) is left for the copy, so that a writer
    /// faster than its callers does not read back, and decode, what it is about to be handed.
    /// </summary>
    public bool JournalBehind => _journal is not null && ReadableUpTo > _delivered;

    private long ReadableUpTo => Math.Min(_journal!.LastSequence, Math.Max(_earlierRun, _queue.Intake?.BypassedUpTo ?? 0));

    /// <summary>Starts the accounting of a new batch.</summary>
    public void NewBatch()
    {
        BatchAccepted = 0;
        BatchEarlierRun = 0;
        BatchSequence = 0;
        _batchMemory?.Clear();
        _batchEarlierRun?.Clear();
    }

    /// <summary>
    /// At a hard stop mid-batch: the earlier run's operations of the batch being filled that are settled anyway
    /// (written, or set aside) because they are no longer in <paramref name="unsettled"/>, what is left of the batch.
    /// </summary>
    public long EarlierRunSettledIn(List<CallOperation> unsettled)
    {
        var left = 0;
        if (_batchEarlierRun is { Count: > 0 } earlier)
        {
            foreach (var operation in unsettled)
            {
                left += earlier.Contains(operation.OperationId) ? 1 : 0;
            }
        }

        return BatchEarlierRun - left;
    }

    /// <summary>Whether <paramref name="operation"/>, from the batch being filled, lives only in memory (always, without a journal).</summary>
    public bool IsMemoryOnly(in CallOperation operation) => _batchMemory is null || _batchMemory.Contains(operation.OperationId);

    /// <summary>Adds operations to <paramref name="into"/>, in order, until it holds <paramref name="max"/> or nothing is left; returns how many were added.</summary>
    public int Fill(List<CallOperation> into, int max)
    {
        var before = into.Count;
        while (into.Count < max)
        {
            if (_held is not { } slot)
            {
                if (!TryTake(out slot))
                {
                    if (!JournalBehind || ReadJournal(ReadableUpTo, into, max) == 0)
                    {
                        break;
                    }

                    continue;
                }

                _held = slot;
            }

            // The records appended before this slot was queued go first.
            var waitsFor = slot.Kind == QueuedKind.Memory ? slot.Horizon : slot.Horizon - 1;
            if (_journal is not null && waitsFor > _delivered)
            {
                ReadJournal(waitsFor, into, max);
                if (into.Count >= max)
                {
                    break;
                }
            }

            _held = null;
            Take(slot, into);
        }

        _queue.CountDequeued(_taken);
        _taken = 0;
        return into.Count - before;
    }

    /// <summary>At a hard stop: takes what is left in the queue, counted.</summary>
    public bool TryTakeLeft(out QueuedOperation slot)
    {
        var taken = TryTake(out slot);
        _queue.CountDequeued(_taken);
        _taken = 0;
        return taken;
    }

    /// <summary>At a hard stop: what the writer holds of this run beyond the batch (the slot kept for the next batch), as memory-only operations.</summary>
    public IEnumerable<CallOperation> HeldMemoryOperations()
    {
        if (_held is { Kind: QueuedKind.Memory } slot)
        {
            yield return slot.Operation;
        }

        _held = null;
    }

    private bool TryTake(out QueuedOperation slot)
    {
        if (!_queue.TryTake(out slot))
        {
            return false;
        }

        if (slot.Kind != QueuedKind.Marker)
        {
            _taken++;
        }

        return true;
    }

    private void Take(QueuedOperation slot, List<CallOperation> into)
    {
        switch (slot.Kind)
        {
            case QueuedKind.Memory:
                into.Add(slot.Operation);
                _batchMemory?.Add(slot.Operation.OperationId);
                BatchAccepted++;
                break;
            case QueuedKind.Copy when slot.Horizon > _delivered:
                into.Add(slot.Operation);
                MarkDelivered(slot.Horizon);
                break;
            default:
                // A marker, or the copy of a record already read back from the journal.
                break;
        }
    }

    /// <summary>Reads records after the last delivered one, up to <paramref name="upTo"/>, into the batch; returns how many.</summary>
    private int ReadJournal(long upTo, List<CallOperation> into, int max)
    {
        _records.Clear();
        var room = max - into.Count;
        _journal!.Read(_delivered, upTo, room, _records);
        foreach (var record in _records)
        {
            into.Add(record.Operation);
            MarkDelivered(record.Sequence);
            if (record.Sequence <= _earlierRun)
            {
                _batchEarlierRun!.Add(record.Operation.OperationId);
            }
        }

        Interlocked.Add(ref _replayed, _records.Count);

        // Fewer than asked for means the journal has nothing more up to there (damaged records are skipped).
        if (_records.Count < room)
        {
            _delivered = Math.Max(_delivered, upTo);
        }

        return _records.Count;
    }

    private void MarkDelivered(long sequence)
    {
        _delivered = sequence;
        BatchSequence = sequence;
        if (sequence > _earlierRun)
        {
            BatchAccepted++;
        }
        else
        {
            BatchEarlierRun++;
        }
    }
}
