namespace SafeCallLogger.Journal;

/// <summary>
/// Reads a journal directory and reports what it holds, for tests, health checks and the operator's tools. Read-only:
/// it takes no lock, changes, truncates and moves nothing, so it is safe while a writer has the journal open (the
/// report is then a snapshot that may trail the writer by a record). A segment being written is preallocated: the
/// zeros after its last record are judged unused space, not a torn tail.
/// </summary>
public static class JournalInspector
{
    /// <summary>Inspects the journal in <paramref name="directory"/>. A directory with no journal reports all zeros.</summary>
    /// <param name="directory">The journal directory.</param>
    /// <returns>What the directory holds now.</returns>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is null or empty.</exception>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    /// <exception cref="IOException">A file could not be read.</exception>
    public static JournalStatus Inspect(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        directory = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The journal directory '{directory}' does not exist.");
        }

        var checkpoint = Checkpoint.Read(directory);
        var last = checkpoint;
        long bytes = 0, pending = 0, tail = 0;
        var corrupt = 0;
        DateTimeOffset? oldest = null;
        var segments = JournalFiles.Segments(directory);
        for (var i = 0; i < segments.Count; i++)
        {
            SegmentScan scan;
            try
            {
                scan = SegmentScan.Read(segments[i].Path);
            }
            catch (FileNotFoundException)
            {
                continue;
            }

            // A live segment is preallocated: its zero fill is space not yet used, neither bytes nor damage.
            bytes += scan.DataEnd;
            corrupt += scan.Corrupt.Count;
            if (scan.TornLength > 0)
            {
                if (i == segments.Count - 1)
                {
                    tail = scan.TornLength;
                }
                else
                {
                    corrupt++;
                }
            }

            foreach (var record in scan.Records)
            {
                // Counted as a replay would yield it: a payload that does not decode is skipped like damage.
                var payload = scan.Bytes.AsSpan(record.Offset + RecordFormat.HeaderSize, record.PayloadLength);
                if (record.Sequence > last && OperationCodec.TryDecode(payload, out _))
                {
                    last = record.Sequence;
                    pending++;
                    oldest ??= new DateTimeOffset(record.AppendedAtTicks, TimeSpan.Zero);
                }
            }
        }

        var corruptFolder = Path.Combine(directory, JournalFiles.CorruptFolder);
        var keptAside = System.IO.Directory.Exists(corruptFolder) ? System.IO.Directory.GetFiles(corruptFolder, "*.bad").Length : 0;
        return new JournalStatus
        {
            Directory = directory,
            Segments = segments.Count,
            Bytes = bytes,
            CommittedSequence = checkpoint,
            LastSequence = last,
            PendingRecords = pending,
            OldestPendingAppendedAt = oldest,
            CorruptRecords = corrupt,
            KeptAsideRecords = keptAside,
            TailBytes = tail,
        };
    }
}
