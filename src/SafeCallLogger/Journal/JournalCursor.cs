namespace SafeCallLogger.Journal;

/// <summary>
/// The writer's read position in the journal, kept between <see cref="Read"/> calls so an outage replay of millions
/// of records reads each byte once. A recovered file is read whole when the cursor enters it; a segment this process
/// maps is copied out of the view a window at a time, up to its published length. Each window is judged by
/// <see cref="SegmentScan"/>, so damage is skipped exactly as recovery and the inspector skip it. Writer thread only.
/// </summary>
internal sealed class JournalCursor
{
    private const int WindowBytes = 1 << 20;
    private readonly Func<long, JournalSegment?> _find;
    private readonly Func<JournalSegment, JournalSegment?> _next;
    private JournalSegment? _segment;
    private SegmentScan? _window;
    private long _windowEnd;
    private int _index;
    private long _position = -1;
    private long _lastReturned = -1;
    private long _bytesCopied;

    /// <param name="find">The segment that holds a sequence (the last one starting at or below it, else the first).</param>
    /// <param name="next">The segment after one, or <see langword="null"/> when it is the last.</param>
    public JournalCursor(Func<long, JournalSegment?> find, Func<JournalSegment, JournalSegment?> next)
    {
        _find = find;
        _next = next;
    }

    private Exception? _error;

    /// <summary>Bytes copied out of segments so far (tests: what a read costs).</summary>
    public long BytesCopied => _bytesCopied;

    /// <summary>The error a read met since the last call (an unreadable file, skipped), or <see langword="null"/>.</summary>
    public Exception? TakeError()
    {
        var error = _error;
        _error = null;
        return error;
    }

    /// <summary>See <see cref="IOperationJournal.Read"/>: continues without rereading when <paramref name="afterSequence"/> is where the last call stopped.</summary>
    public int Read(long afterSequence, long upToSequence, int max, List<JournalRecord> into)
    {
        if (_segment is null || _segment.IsDeleted)
        {
            Reposition(afterSequence);
        }
        else if (afterSequence > _position && _find(afterSequence + 1) == _segment)
        {
            // Further on in this segment (what lies between was delivered by its copies): read on from here, the
            // records up to it skipped unread, instead of scanning the segment again from its start.
            _position = _lastReturned = afterSequence;
        }
        else if (afterSequence != _position && afterSequence != _lastReturned)
        {
            Reposition(afterSequence);
        }

        var added = 0;
        while (added < max && _segment is not null)
        {
            var have = NextHeader(out var header);
            if (!have)
            {
                // The seal is read once, and only a look made after seeing it may move on: every record of the
                // segment was published before its seal. Reading the seal again to decide let a roll between the two
                // reads send the cursor past the segment's last records without a look at them.
                if (!_segment.IsSealed)
                {
                    break;
                }

                have = NextHeader(out header);
                if (!have)
                {
                    var next = _next(_segment);
                    if (next is null)
                    {
                        break;
                    }

                    Enter(next);
                    continue;
                }
            }

            if (header.Sequence > upToSequence)
            {
                break;
            }

            _index++;
            if (header.Sequence <= _position)
            {
                continue;
            }

            _position = header.Sequence;
            var payload = _window!.Bytes.AsSpan(header.Offset + RecordFormat.HeaderSize, header.PayloadLength);
            if (OperationCodec.TryDecode(payload, out var operation))
            {
                into.Add(new JournalRecord(header.Sequence, new DateTimeOffset(header.AppendedAtTicks, TimeSpan.Zero), operation));
                _lastReturned = header.Sequence;
                added++;
            }
        }

        return added;
    }

    private void Reposition(long afterSequence)
    {
        _position = afterSequence;
        _lastReturned = afterSequence;
        Enter(_find(afterSequence + 1));
    }

    private void Enter(JournalSegment? segment)
    {
        _segment = segment;
        _window = null;
        _windowEnd = 0;
        _index = 0;
    }

    /// <summary>The next record of the current segment, loading the next window when the current one is used up.</summary>
    private bool NextHeader(out RecordHeader header)
    {
        while (true)
        {
            if (_window is not null && _index < _window.Records.Count)
            {
                header = _window.Records[_index];
                return true;
            }

            if (!LoadWindow())
            {
                header = default;
                return false;
            }
        }
    }

    private bool LoadWindow()
    {
        var segment = _segment!;
        try
        {
            if (segment.Mapping is null)
            {
                if (_window is not null)
                {
                    return false;
                }

                _window = SegmentScan.Read(segment.Path);
                _index = 0;
                return true;
            }

            return LoadMappedWindow(segment.Mapping);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or ObjectDisposedException)
        {
            // Deleted by a commit or by hand: nothing left to read in it.
            _window = SegmentScan.Of([]);
            _index = 0;
            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _error = ex;
            _window = SegmentScan.Of([]);
            _index = 0;
            return false;
        }
    }

    private bool LoadMappedWindow(MappedSegment mapping)
    {
        var used = mapping.Used;
        var from = _windowEnd;
        if (from >= used)
        {
            return false;
        }

        var length = (int)Math.Min(used - from, WindowBytes);
        var scan = Copy(mapping, from, length);
        if (scan.Records.Count == 0 && scan.TailStart == 0 && from + length < used)
        {
            // A record larger than the window: take everything published.
            length = (int)(used - from);
            scan = Copy(mapping, from, length);
        }

        // A tail cut by the window's cap is read again with the next window; a tail that reaches the published end
        // cannot be a record being written (only whole records are published), so it is damage and is skipped.
        var reachesEnd = from + length == used;
        _windowEnd = from + (reachesEnd ? length : scan.TailStart);
        _window = scan;
        _index = 0;
        return true;
    }

    private SegmentScan Copy(MappedSegment mapping, long from, int length)
    {
        _bytesCopied += length;
        var bytes = new byte[length];
        mapping.Read(from, bytes);
        return SegmentScan.Of(bytes);
    }
}
