namespace SafeCallLogger.Journal;

/// <summary>How an append ended.</summary>
internal enum JournalAppendResult
{
    /// <summary>The operation is in the journal, under the sequence returned.</summary>
    Appended,

    /// <summary>The record would take the journal past its byte cap: nothing was written.</summary>
    Full,

    /// <summary>This one record is larger than a journal record may be (<see cref="RecordFormat.MaxPayloadBytes"/>): nothing was written; the journal itself is fine.</summary>
    TooLarge,

    /// <summary>The journal could not be written (disk full, file removed, I/O error): nothing was written; <see cref="IOperationJournal.LastError"/> says why.</summary>
    Failed,
}

/// <summary>
/// The journal as the logger uses it: appends from any thread at memory speed, sequential reads and commits by the
/// single writer. <see cref="JournalStore"/> is the implementation (segment files in a directory).
/// </summary>
internal interface IOperationJournal : IDisposable
{
    /// <summary>What opening the journal found and repaired.</summary>
    RecoveryReport Recovery { get; }

    /// <summary>The highest sequence appended so far (published: every record up to it can be read).</summary>
    long LastSequence { get; }

    /// <summary>Every record up to this sequence is committed by the sink (in memory; the durable checkpoint may trail it).</summary>
    long CommittedSequence { get; }

    /// <summary>The bytes the records take in the segment files now (not counting preallocated space).</summary>
    long TotalBytes { get; }

    /// <summary>The error of the last failed append or commit, or <see langword="null"/>.</summary>
    Exception? LastError { get; }

    /// <summary>
    /// Appends one operation from any thread. Never blocks on a disk flush or a file lock, never throws; costs a copy
    /// into memory the operating system owns, except when a new segment file must be created and none is ready.
    /// </summary>
    JournalAppendResult TryAppend(in CallOperation operation, out long sequence);

    /// <summary>
    /// Writer only: adds to <paramref name="into"/> up to <paramref name="max"/> records with a sequence above
    /// <paramref name="afterSequence"/> and at most <paramref name="upToSequence"/>, in sequence order, skipping
    /// damaged ones; returns how many. Sequential calls continue where the last one stopped without rereading.
    /// </summary>
    int Read(long afterSequence, long upToSequence, int max, List<JournalRecord> into);

    /// <summary>
    /// Writer only: everything up to <paramref name="sequence"/> is committed by the sink. Cheap; the durable
    /// checkpoint and the deletion of wholly committed segments happen here at most every so often, and always at
    /// <see cref="IDisposable.Dispose"/>. Never throws (a failure is kept in <see cref="LastError"/>; an older
    /// checkpoint only means more to replay, which the sink applies once).
    /// </summary>
    void Commit(long sequence);
}
