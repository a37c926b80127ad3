namespace SafeCallLogger.Journal;

/// <summary>
/// The commit side of the store (writer thread and dispose only): the committed sequence in memory, and the durable
/// checkpoint that trails it, written at most every <see cref="JournalStoreSettings.CheckpointInterval"/> of the
/// store's clock (checked when a commit comes, no timer), at once when a whole segment became committed, and at
/// dispose. After a durable checkpoint the wholly committed segments are deleted, in that order, so a crash between
/// the two leaves segments the next open deletes, never a checkpoint past records still needed.
/// </summary>
internal sealed class JournalCheckpointer
{
    private readonly string _directory;
    private readonly JournalSegments _segments;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly JournalErrors _errors;
    private readonly Action<long> _freed;
    private long _committed;
    private long _checkpointed;
    private long _lastWriteAt;
    private bool _failed;

    /// <summary>Starts from the checkpoint recovery read; <paramref name="freed"/> is told the record bytes of segments deleted.</summary>
    public JournalCheckpointer(string directory, long checkpoint, JournalSegments segments, TimeProvider time, TimeSpan interval, JournalErrors errors, Action<long> freed)
    {
        _directory = directory;
        _segments = segments;
        _time = time;
        _interval = interval;
        _errors = errors;
        _freed = freed;
        _committed = _checkpointed = checkpoint;
        _lastWriteAt = time.GetTimestamp();
    }

    public long Committed => Volatile.Read(ref _committed);

    public long Checkpointed => Volatile.Read(ref _checkpointed);

    /// <summary>O(1) unless the checkpoint is due; a sequence at or below the committed one does nothing.</summary>
    public void Commit(long sequence)
    {
        if (sequence <= _committed)
        {
            return;
        }

        Volatile.Write(ref _committed, sequence);

        // After a failed write, only the interval retries: a failing disk is not hit on every commit.
        if ((sequence >= _segments.WholeSegmentAt && !_failed) || _time.GetElapsedTime(_lastWriteAt) >= _interval)
        {
            WriteCheckpoint();
        }
    }

    /// <summary>The durable checkpoint at the committed sequence, then the deletion of wholly committed segments.</summary>
    public void WriteCheckpoint()
    {
        _lastWriteAt = _time.GetTimestamp();
        var sequence = _committed;
        if (sequence <= _checkpointed)
        {
            return;
        }

        _failed = !_errors.Guard(() => Checkpoint.Write(_directory, sequence));
        if (_failed)
        {
            return;
        }

        Volatile.Write(ref _checkpointed, sequence);

        // Oldest first, the active one never: a crash midway leaves a contiguous suffix, as JournalRecovery expects.
        var removed = _segments.RemoveCommitted(sequence);
        _freed(removed.Sum(s => s.UsedBytes));
        foreach (var segment in removed)
        {
            segment.Mapping?.Dispose();
            _errors.Guard(() => File.Delete(segment.Path));
        }
    }
}
