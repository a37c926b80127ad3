namespace SafeCallLogger.Journal;

/// <summary>
/// One segment in the store's list, in sequence order: either a file recovered at open (a crashed or closed
/// process's, read from the file) or one this process maps and appends to (<see cref="Mapping"/>).
/// </summary>
internal sealed class JournalSegment
{
    private readonly long _recoveredBytes;
    private volatile bool _deleted;
    private volatile bool _sealed;

    public JournalSegment(long firstSequence, string path, long recoveredBytes)
    {
        FirstSequence = firstSequence;
        Path = path;
        _recoveredBytes = recoveredBytes;
        _sealed = true;
    }

    public JournalSegment(long firstSequence, MappedSegment mapping)
    {
        FirstSequence = firstSequence;
        Path = mapping.Path;
        Mapping = mapping;
    }

    public long FirstSequence { get; }

    public string Path { get; }

    public MappedSegment? Mapping { get; }

    /// <summary>The bytes its records take: the mapping's published length, or the recovered file's.</summary>
    public long UsedBytes => Mapping?.Used ?? _recoveredBytes;

    /// <summary>No record will be added: a successor exists. Set under the store's lock after the last copy into it.</summary>
    public bool IsSealed => _sealed;

    /// <summary>Removed by a commit: a cursor on it repositions.</summary>
    public bool IsDeleted => _deleted;

    public void Seal() => _sealed = true;

    public void MarkDeleted() => _deleted = true;
}
