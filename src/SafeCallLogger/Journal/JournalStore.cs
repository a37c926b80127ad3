using System.Text;

namespace SafeCallLogger.Journal;

/// <summary>
/// The journal's storage: append-only segment files (<c>{firstSequence:D20}.seg</c>, layout in
/// <see cref="RecordFormat"/>) rolled at a size, a crash-safe <see cref="Journal.Checkpoint"/>, and a replay of what
/// is after it. Opening takes the directory's lock and runs <see cref="JournalRecovery"/>. Single writer: one thread
/// appends and checkpoints at a time (the write loop); <see cref="ReadPending"/> may run beside it. Appends throw
/// only <see cref="JournalFullException"/> and <see cref="JournalWriteException"/>, both of which leave the journal
/// as it was before the append.
/// </summary>
internal sealed class JournalStore : IDisposable
{
    private readonly string _directory;
    private readonly long _segmentBytes;
    private readonly long _capBytes;
    private readonly JournalFlushPolicy _flush;
    private readonly TimeProvider _time;
    private readonly JournalLock _lock;
    private readonly List<(long FirstSequence, string Path)> _segments;
    private FileStream? _active;
    private long _activeLength;
    private long _totalBytes;
    private long _lastSequence;
    private long _checkpoint;
    private byte[] _buffer = new byte[4096];
    private long _trimTo = -1;
    private bool _disposed;

    private JournalStore(string directory, long segmentBytes, long capBytes, JournalFlushPolicy flush, TimeProvider time, JournalLock fileLock, RecoveryReport report)
    {
        _directory = directory;
        _segmentBytes = segmentBytes;
        _capBytes = capBytes;
        _flush = flush;
        _time = time;
        _lock = fileLock;
        Recovery = report;
        _segments = JournalFiles.Segments(directory);
        _totalBytes = report.TotalBytes;
        _lastSequence = report.LastSequence;
        _checkpoint = report.Checkpoint;
    }

    public RecoveryReport Recovery { get; }

    public long LastSequence => Volatile.Read(ref _lastSequence);

    public long CommittedSequence => Volatile.Read(ref _checkpoint);

    public long TotalBytes => Volatile.Read(ref _totalBytes);

    public int SegmentCount => _segments.Count;

    /// <exception cref="JournalLockedException">Another opener holds the directory.</exception>
    /// <exception cref="JournalWriteException">The directory cannot be created, read or repaired.</exception>
    public static JournalStore Open(string directory, long segmentBytes, long capBytes, JournalFlushPolicy flush, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentOutOfRangeException.ThrowIfLessThan(segmentBytes, RecordFormat.HeaderSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(capBytes, segmentBytes);
        ArgumentNullException.ThrowIfNull(time);
        directory = Path.GetFullPath(directory);

        JournalLock? fileLock = null;
        try
        {
            Directory.CreateDirectory(directory);
            fileLock = JournalLock.Acquire(directory);
            var report = JournalRecovery.Run(directory);
            return new JournalStore(directory, segmentBytes, capBytes, flush, time, fileLock, report);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException && ex is not JournalLockedException)
        {
            fileLock?.Dispose();
            throw new JournalWriteException($"The journal '{directory}' could not be opened: {ex.Message}", ex);
        }
    }

    /// <summary>Appends one operation and returns its sequence; it is flushed per the policy before this returns.</summary>
    /// <exception cref="JournalFullException">The record would take the journal past its byte cap.</exception>
    /// <exception cref="JournalWriteException">The file could not be written or flushed.</exception>
    public long Append(in CallOperation operation)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var payload = Encoding.UTF8.GetBytes(OperationJson.Serialize(operation));
        var length = RecordFormat.HeaderSize + payload.Length;
        if (payload.Length > RecordFormat.MaxPayloadBytes || _totalBytes + length > _capBytes)
        {
            throw new JournalFullException(_directory, _capBytes, _totalBytes);
        }

        if (_buffer.Length < length)
        {
            _buffer = new byte[Math.Max(length, _buffer.Length * 2)];
        }

        var sequence = _lastSequence + 1;
        RecordFormat.WriteHeader(_buffer, sequence, operation.OperationId, _time.GetUtcNow().UtcTicks, payload);
        payload.CopyTo(_buffer, RecordFormat.HeaderSize);

        try
        {
            var active = ActiveFor(sequence);
            active.Write(_buffer, 0, length);
            active.Flush(flushToDisk: _flush == JournalFlushPolicy.ToDisk);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            RollBack();
            throw new JournalWriteException($"Appending to the journal '{_directory}' failed: {ex.Message}", ex);
        }

        _activeLength += length;
        Volatile.Write(ref _totalBytes, _totalBytes + length);
        Volatile.Write(ref _lastSequence, sequence);
        return sequence;
    }

    /// <summary>
    /// Records that everything up to <paramref name="sequence"/> is committed, then deletes the segments wholly at or
    /// below it. In that order: a crash between the two leaves segments the next open deletes, never a checkpoint
    /// that points past records still needed. A sequence at or below the current checkpoint does nothing.
    /// </summary>
    /// <exception cref="JournalWriteException">The checkpoint could not be written; the old one still holds.</exception>
    public void Checkpoint(long sequence)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        sequence = Math.Min(sequence, _lastSequence);
        if (sequence <= _checkpoint)
        {
            return;
        }

        try
        {
            Journal.Checkpoint.Write(_directory, sequence);
            Volatile.Write(ref _checkpoint, sequence);
            var before = _segments.Select(s => s.Path).ToList();
            var sizes = before.ToDictionary(p => p, p => new FileInfo(p).Length);
            JournalRecovery.DeleteCommitted(_segments, sequence);
            var freed = before.Except(_segments.Select(s => s.Path)).Sum(p => sizes[p]);
            Volatile.Write(ref _totalBytes, _totalBytes - freed);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new JournalWriteException($"Checkpointing the journal '{_directory}' failed: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// The records after the checkpoint, in sequence order, each once, up to the last one appended when the call
    /// began. Damaged regions are skipped (recovery kept them aside). Lazy: reads one segment at a time.
    /// </summary>
    public IEnumerable<JournalRecord> ReadPending()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return JournalReplay.Read(_directory, CommittedSequence, LastSequence);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _active?.Dispose();
        _lock.Dispose();
    }

    private FileStream ActiveFor(long sequence)
    {
        if (_active is not null && _activeLength >= _segmentBytes)
        {
            _active.Dispose();
            _active = null;
            Create(sequence);
        }
        else if (_active is null)
        {
            if (_segments.Count == 0 || new FileInfo(_segments[^1].Path).Length >= _segmentBytes)
            {
                Create(sequence);
            }
            else
            {
                OpenLast();
            }
        }

        return _active!;
    }

    private void Create(long firstSequence)
    {
        var path = Path.Combine(_directory, JournalFiles.SegmentName(firstSequence));
        _active = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read, 1);
        _active.SetLength(0);
        _activeLength = 0;
        if (_segments.Count == 0 || _segments[^1].FirstSequence != firstSequence)
        {
            _segments.Add((firstSequence, path));
        }

        if (_flush == JournalFlushPolicy.ToDisk)
        {
            DirectorySync.Flush(_directory);
        }
    }

    private void OpenLast()
    {
        _active = new FileStream(_segments[^1].Path, FileMode.Open, FileAccess.Write, FileShare.Read, 1);
        if (_trimTo >= 0)
        {
            // A failed append could not be rolled back when it failed: cut its bytes off now.
            _active.SetLength(_trimTo);
            _trimTo = -1;
        }

        _activeLength = _active.Length;
        _active.Seek(0, SeekOrigin.End);
    }

    /// <summary>Cuts a half-written record off, or drops the stream so the next append reopens and cuts it then.</summary>
    private void RollBack()
    {
        if (_active is null)
        {
            return;
        }

        try
        {
            _active.SetLength(_activeLength);
            _active.Seek(_activeLength, SeekOrigin.Begin);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The next append reopens the last segment at the length it had after the last good record.
            _ = ex;
            _trimTo = _activeLength;
            try
            {
                _active.Dispose();
            }
            catch (Exception disposeEx) when (disposeEx is IOException or UnauthorizedAccessException)
            {
                // Disposing flushes; the bytes it may add are past _trimTo and are cut on reopen.
                _ = disposeEx;
            }

            _active = null;
        }
    }
}
