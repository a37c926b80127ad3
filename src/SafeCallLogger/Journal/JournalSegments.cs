namespace SafeCallLogger.Journal;

/// <summary>
/// The store's segments in sequence order: the files recovered at open, then the ones this process mapped. Guarded by
/// <see cref="Gate"/>, which is also the store's append lock (a roll changes the list and the active segment at once);
/// members marked "under the gate" expect the caller to hold it, the others take it for a moment.
/// </summary>
internal sealed class JournalSegments
{
    private readonly List<JournalSegment> _list;
    private long _wholeSegmentAt;

    public JournalSegments(string directory)
    {
        _list = JournalFiles.Segments(directory).Select(s => new JournalSegment(s.FirstSequence, s.Path, new FileInfo(s.Path).Length)).ToList();
        UpdateMark();
    }

    public object Gate { get; } = new();

    /// <summary>A commit at or past this sequence makes the oldest segment wholly committed (<see cref="long.MaxValue"/> with one segment).</summary>
    public long WholeSegmentAt => Volatile.Read(ref _wholeSegmentAt);

    /// <summary>Under the gate, or before the store is shared.</summary>
    public long UsedBytes => _list.Sum(s => s.UsedBytes);

    public int Count
    {
        get
        {
            lock (Gate)
            {
                return _list.Count;
            }
        }
    }

    /// <summary>Under the gate: whether the last segment is an empty recovered file already named for <paramref name="firstSequence"/>.</summary>
    public bool LastIsEmptyNamed(long firstSequence) =>
        _list.Count > 0 && _list[^1].FirstSequence == firstSequence && _list[^1].Mapping is null;

    /// <summary>Under the gate: the rolled-to segment becomes the last one; the one before is sealed (or, when empty and of the same name, replaced).</summary>
    public void Add(long firstSequence, MappedSegment mapping)
    {
        if (LastIsEmptyNamed(firstSequence))
        {
            _list.RemoveAt(_list.Count - 1);
        }
        else if (_list.Count > 0)
        {
            _list[^1].Seal();
        }

        _list.Add(new JournalSegment(firstSequence, mapping));
        UpdateMark();
    }

    /// <summary>
    /// Removes, oldest first and never the last, every segment whose successor starts at or below
    /// <c>checkpoint + 1</c> (all its records are committed), and returns them for the caller to delete.
    /// </summary>
    public List<JournalSegment> RemoveCommitted(long checkpoint)
    {
        var removed = new List<JournalSegment>();
        lock (Gate)
        {
            while (_list.Count > 1 && _list[1].FirstSequence <= checkpoint + 1)
            {
                var segment = _list[0];
                _list.RemoveAt(0);
                segment.MarkDeleted();
                removed.Add(segment);
            }

            UpdateMark();
        }

        return removed;
    }

    /// <summary>The segment that holds <paramref name="sequence"/>: the last one starting at or below it, else the first.</summary>
    public JournalSegment? Find(long sequence)
    {
        lock (Gate)
        {
            return _list.LastOrDefault(s => s.FirstSequence <= sequence) ?? _list.FirstOrDefault();
        }
    }

    /// <summary>The segment after <paramref name="segment"/> (which may have been removed since), or <see langword="null"/>.</summary>
    public JournalSegment? Next(JournalSegment segment)
    {
        lock (Gate)
        {
            return _list.Find(s => s.FirstSequence > segment.FirstSequence);
        }
    }

    /// <summary>The mapped segments, all of them or only those with bytes not yet flushed.</summary>
    public List<MappedSegment> Mapped(bool dirtyOnly)
    {
        lock (Gate)
        {
            return _list.Where(s => s.Mapping is { } m && (!dirtyOnly || m.IsDirty)).Select(s => s.Mapping!).ToList();
        }
    }

    private void UpdateMark() =>
        Volatile.Write(ref _wholeSegmentAt, _list.Count > 1 ? _list[1].FirstSequence - 1 : long.MaxValue);
}
