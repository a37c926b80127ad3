namespace SafeCallLogger.Journal;

/// <summary>One replayed record: its sequence, when it was appended, and the operation as it was journaled.</summary>
internal readonly record struct JournalRecord(long Sequence, DateTimeOffset AppendedAt, CallOperation Operation);

/// <summary>What opening a journal found and repaired.</summary>
internal sealed class RecoveryReport
{
    public long Checkpoint { get; set; }

    public long LastSequence { get; set; }

    public long TotalBytes { get; set; }

    /// <summary>Damaged regions found in this open, each copied into <c>corrupt/</c> (once) and skipped.</summary>
    public int CorruptRecords { get; set; }

    /// <summary>Bytes cut from the end of the last segment: a record a crash left half written (its zero fill not counted).</summary>
    public int TruncatedTailBytes { get; set; }

    /// <summary>Segments wholly at or below the checkpoint that a crash left undeleted, deleted now.</summary>
    public int DeletedCommittedSegments { get; set; }
}
