namespace SafeCallLogger.Journal;

/// <summary>
/// The journal's storage: segment files (<c>{firstSequence:D20}.seg</c>, layout in <see cref="RecordFormat"/>)
/// created at full size with their blocks allocated and mapped shared, a crash-safe <see cref="Journal.Checkpoint"/>,
/// and a cursor over what is after it. Appends come from any thread: the payload is encoded and checksummed outside
/// the lock into a per-thread buffer, and the lock covers only the sequence, the header checksum and the copy into
/// the mapping, so a record is in memory the kernel owns (it survives <c>kill -9</c>) with no system call. The
/// background <see cref="JournalSyncer"/> takes it to the disk; the single writer reads and commits. Opening takes the
/// directory's lock and runs <see cref="JournalRecovery"/>. Nothing here throws after <see cref="Open"/>.
/// </summary>
internal sealed class JournalStore : IOperationJournal
{
    [ThreadStatic]
    private static byte[]? t_scratch;

    private readonly string _directory;
    private readonly JournalStoreSettings _settings;
    private readonly TimeProvider _time;
    private readonly JournalLock _lock;
    private readonly JournalSegments _segments;
    private readonly object _gate;
    private readonly SpareSegment _spare;
    private readonly JournalCursor _cursor;
    private readonly JournalSyncer? _syncer;
    private MappedSegment? _active;
    private long _lastSequence;
    private long _totalBytes;
    private readonly JournalErrors _errors = new();
    private readonly JournalCheckpointer _checkpointer;
    private long _syncedSequence;
    private volatile bool _directoryDirty;
    private bool _disposed;

    private JournalStore(string directory, JournalStoreSettings settings, TimeProvider time, JournalLock fileLock, RecoveryReport report)
    {
        _directory = directory;
        _settings = settings;
        _time = time;
        _lock = fileLock;
        Recovery = report;
        _segments = new JournalSegments(directory);
        _gate = _segments.Gate;
        _totalBytes = _segments.UsedBytes;
        _lastSequence = report.LastSequence;
        _syncedSequence = report.LastSequence;
        _checkpointer = new JournalCheckpointer(directory, report.Checkpoint, _segments, time, settings.CheckpointInterval, _errors, Freed);
        _cursor = new JournalCursor(_segments.Find, _segments.Next);
        _spare = new SpareSegment(directory, settings.SegmentBytes);
        _spare.PrepareInBackground();
        if (settings.SyncInterval != Timeout.InfiniteTimeSpan)
        {
            _syncer = new JournalSyncer(settings.SyncInterval, FlushAll, () => LastSequence > Volatile.Read(ref _syncedSequence) || _directoryDirty, time);
        }
    }

    public RecoveryReport Recovery { get; }

    public long LastSequence => Volatile.Read(ref _lastSequence);

    public long CommittedSequence => _checkpointer.Committed;

    /// <summary>The sequence the durable checkpoint on disk says is committed (may trail <see cref="CommittedSequence"/>).</summary>
    public long CheckpointedSequence => _checkpointer.Checkpointed;

    public long TotalBytes => Volatile.Read(ref _totalBytes);

    public Exception? LastError => _errors.Last;

    /// <summary>How many background flushes to the disk ran.</summary>
    public long Syncs => _syncer?.Flushes ?? 0;

    public int SegmentCount => _segments.Count;

    /// <summary>Bytes the writer's reads copied out of the segments (tests: what reading back costs).</summary>
    internal long ReadBytes => _cursor.BytesCopied;

    /// <summary>How many rolls found no spare prepared and created their segment on an appender's thread.</summary>
    public long InlineRolls => _spare.InlineCreations;

    /// <exception cref="JournalLockedException">Another opener holds the directory.</exception>
    /// <exception cref="JournalWriteException">The directory cannot be created, read or repaired.</exception>
    public static JournalStore Open(string directory, JournalStoreSettings settings, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        settings.Validate();

        directory = Path.GetFullPath(directory);
        JournalLock? fileLock = null;
        try
        {
            Directory.CreateDirectory(directory);
            fileLock = JournalLock.Acquire(directory);
            var report = JournalRecovery.Run(directory);
            return new JournalStore(directory, settings, time, fileLock, report);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException && ex is not JournalLockedException)
        {
            fileLock?.Dispose();
            throw new JournalWriteException($"The journal '{directory}' could not be opened: {ex.Message}", ex);
        }
    }

    public JournalAppendResult TryAppend(in CallOperation operation, out long sequence)
    {
        sequence = 0;
        var scratch = t_scratch ??= new byte[1024];
        int length;
        try
        {
            length = OperationCodec.Encode(operation, ref scratch);
            t_scratch = scratch;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or InvalidOperationException or System.Text.Json.JsonException)
        {
            _errors.Keep(ex);
            return JournalAppendResult.Failed;
        }

        return TryAppendPayload(operation.OperationId, scratch.AsSpan(0, length), out sequence);
    }

    /// <summary>The append once the payload is encoded (the benchmark measures it apart from the encoding).</summary>
    internal JournalAppendResult TryAppendPayload(Guid operationId, ReadOnlySpan<byte> payload, out long sequence)
    {
        sequence = 0;
        var length = payload.Length;
        var checksum = RecordFormat.PayloadChecksum(payload);
        var appendedAt = _time.GetUtcNow().UtcTicks;
        var total = RecordFormat.HeaderSize + length;
        Span<byte> header = stackalloc byte[RecordFormat.HeaderSize];
        lock (_gate)
        {
            if (!_disposed && length > RecordFormat.MaxPayloadBytes)
            {
                return JournalAppendResult.TooLarge;
            }

            if (_disposed)
            {
                _errors.Keep(_disposed ? new ObjectDisposedException(nameof(JournalStore)) : new InvalidDataException($"A {length:N0}-byte payload exceeds the journal's record limit."));
                return JournalAppendResult.Failed;
            }

            if (_totalBytes + total > _settings.CapBytes)
            {
                return JournalAppendResult.Full;
            }

            if ((_active is null || !_active.HasRoom(total)) && !TryRoll(total))
            {
                return JournalAppendResult.Failed;
            }

            var next = _lastSequence + 1;
            RecordFormat.WriteHeader(header, next, operationId, appendedAt, length, checksum);
            try
            {
                _active!.Append(header, payload);
            }
            catch (Exception ex) when (ex is ObjectDisposedException or ArgumentException)
            {
                // Nothing was published: the bytes past the segment's used length are overwritten by the next append.
                _errors.Keep(ex);
                return JournalAppendResult.Failed;
            }

            Volatile.Write(ref _totalBytes, _totalBytes + total);
            Volatile.Write(ref _lastSequence, next);
            sequence = next;
        }

        _syncer?.Poke();
        return JournalAppendResult.Appended;
    }

    public int Read(long afterSequence, long upToSequence, int max, List<JournalRecord> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        if (_disposed || max <= 0)
        {
            return 0;
        }

        var read = _cursor.Read(afterSequence, Math.Min(upToSequence, LastSequence), max, into);
        if (_cursor.TakeError() is { } error)
        {
            _errors.Keep(error);
        }

        return read;
    }

    public void Commit(long sequence)
    {
        if (!_disposed)
        {
            _checkpointer.Commit(Math.Min(sequence, LastSequence));
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _syncer?.Dispose();
        _spare.Dispose();
        _checkpointer.WriteCheckpoint();
        var sync = _settings.SyncInterval != Timeout.InfiniteTimeSpan;
        foreach (var segment in _segments.Mapped(dirtyOnly: false))
        {
            _errors.Guard(() => segment.Close(trim: true, sync));
        }

        if (sync)
        {
            DirectorySync.Flush(_directory);
        }

        _lock.Dispose();
    }

    /// <summary>Under the lock: makes a spare (or a new file) the active segment, named after the next sequence.</summary>
    private bool TryRoll(int need)
    {
        MappedSegment next;
        try
        {
            next = _spare.Take(need);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            _errors.Keep(ex);
            return false;
        }

        // An empty segment recovered at open may already carry the name (it only recorded the next sequence).
        var first = _lastSequence + 1;
        if (!_errors.Guard(() => next.MoveTo(Path.Combine(_directory, JournalFiles.SegmentName(first)), overwrite: _segments.LastIsEmptyNamed(first))))
        {
            next.Discard();
            return false;
        }

        _segments.Add(first, next);
        _active = next;
        _directoryDirty = true;
        _spare.PrepareInBackground();
        return true;
    }

    private void Freed(long bytes)
    {
        lock (_gate)
        {
            Volatile.Write(ref _totalBytes, _totalBytes - bytes);
        }
    }

    /// <summary>The syncer's work: every segment with unflushed bytes through to the disk, and the directory after a roll.</summary>
    private void FlushAll()
    {
        var target = LastSequence;
        foreach (var segment in _segments.Mapped(dirtyOnly: true))
        {
            // A failed flush keeps its error and its segment dirty: the next append's flush retries it, and the
            // continuous syncer does not spin on a failing disk.
            _errors.Guard(segment.Flush);
        }

        if (_directoryDirty)
        {
            _directoryDirty = false;
            DirectorySync.Flush(_directory);
        }

        Volatile.Write(ref _syncedSequence, target);
    }
}
