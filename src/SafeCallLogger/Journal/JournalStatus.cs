namespace SafeCallLogger.Journal;

/// <summary>What <see cref="JournalInspector.Inspect(string)"/> found in a journal directory, at one moment.</summary>
public sealed record JournalStatus
{
    /// <summary>The journal directory, as a full path.</summary>
    public required string Directory { get; init; }

    /// <summary>How many segment files the directory holds.</summary>
    public int Segments { get; init; }

    /// <summary>The bytes those segment files take.</summary>
    public long Bytes { get; init; }

    /// <summary>The checkpoint: every record up to this sequence is committed. 0 when none was written yet.</summary>
    public long CommittedSequence { get; init; }

    /// <summary>The highest sequence of a valid record, or the checkpoint when no record is after it.</summary>
    public long LastSequence { get; init; }

    /// <summary>Valid records after the checkpoint: what a replay would yield.</summary>
    public long PendingRecords { get; init; }

    /// <summary>When the oldest pending record was appended (UTC); <see langword="null"/> when nothing is pending.</summary>
    public DateTimeOffset? OldestPendingAppendedAt { get; init; }

    /// <summary>Damaged regions in the segments now, each skipped by a replay (a torn tail not included).</summary>
    public int CorruptRecords { get; init; }

    /// <summary>Damaged regions kept aside in the <c>corrupt/</c> folder by earlier opens.</summary>
    public int KeptAsideRecords { get; init; }

    /// <summary>
    /// Bytes after the last valid record of the last segment: a record being written while a writer runs, or a torn
    /// tail the next open will cut off. 0 when the journal ends cleanly.
    /// </summary>
    public long TailBytes { get; init; }
}
