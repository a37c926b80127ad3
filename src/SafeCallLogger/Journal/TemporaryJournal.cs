namespace SafeCallLogger.Journal;

// TEMPORARY (not to be committed): the old single-threaded store behind the new seam, until the mapped store lands.
internal sealed record JournalStoreSettings
{
    public int SegmentBytes { get; init; }

    public long CapBytes { get; init; }

    public TimeSpan SyncInterval { get; init; }
}

internal sealed class TemporaryJournal : IOperationJournal
{
    private readonly JournalStore _store;
    private readonly object _gate = new();
    private long _committed;

    private TemporaryJournal(JournalStore store)
    {
        _store = store;
        _committed = store.CommittedSequence;
    }

    public RecoveryReport Recovery => _store.Recovery;

    public long LastSequence => _store.LastSequence;

    public long CommittedSequence => Volatile.Read(ref _committed);

    public long TotalBytes => _store.TotalBytes;

    public Exception? LastError { get; private set; }

    public static TemporaryJournal Open(string directory, JournalStoreSettings settings, TimeProvider time) =>
        new(JournalStore.Open(directory, settings.SegmentBytes, settings.CapBytes, JournalFlushPolicy.ToOperatingSystem, time));

    public JournalAppendResult TryAppend(in CallOperation operation, out long sequence)
    {
        lock (_gate)
        {
            try
            {
                sequence = _store.Append(operation);
                return JournalAppendResult.Appended;
            }
            catch (JournalFullException)
            {
                sequence = 0;
                return JournalAppendResult.Full;
            }
            catch (Exception ex) when (ex is JournalWriteException or ObjectDisposedException)
            {
                LastError = ex;
                sequence = 0;
                return JournalAppendResult.Failed;
            }
        }
    }

    public int Read(long afterSequence, long upToSequence, int max, List<JournalRecord> into)
    {
        var n = 0;
        foreach (var record in _store.ReadPending())
        {
            if (record.Sequence <= afterSequence)
            {
                continue;
            }

            if (record.Sequence > upToSequence || n >= max)
            {
                break;
            }

            into.Add(record);
            n++;
        }

        return n;
    }

    public void Commit(long sequence)
    {
        lock (_gate)
        {
            try
            {
                _store.Checkpoint(sequence);
                Volatile.Write(ref _committed, Math.Max(_committed, sequence));
            }
            catch (JournalWriteException ex)
            {
                LastError = ex;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _store.Dispose();
        }
    }
}
