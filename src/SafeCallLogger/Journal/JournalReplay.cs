namespace SafeCallLogger.Journal;

/// <summary>
/// Reads the records after a checkpoint straight from a journal directory's files, in sequence order, each once,
/// without a store: records at or below the checkpoint, past the upper bound, or not above the last one yielded (a
/// duplicate could only come from damage) are passed over. Never throws on the files' contents: a payload that
/// validates but does not decode is skipped like a damaged record. The store's own reads go through
/// <see cref="JournalCursor"/>; this is the independent reader for tools and crash tests.
/// </summary>
internal static class JournalReplay
{
    public static IEnumerable<JournalRecord> Read(string directory, long afterSequence, long upToSequence)
    {
        var last = afterSequence;
        var segments = JournalFiles.Segments(directory);
        for (var i = 0; i < segments.Count; i++)
        {
            // A segment whose successor starts at or below the next wanted sequence holds nothing we need.
            if (i + 1 < segments.Count && segments[i + 1].FirstSequence <= last + 1)
            {
                continue;
            }

            SegmentScan scan;
            try
            {
                scan = SegmentScan.Read(segments[i].Path);
            }
            catch (FileNotFoundException)
            {
                // Deleted by a checkpoint since we listed it: all of it was committed.
                continue;
            }

            foreach (var header in scan.Records)
            {
                if (header.Sequence <= last || header.Sequence > upToSequence)
                {
                    continue;
                }

                var payload = scan.Bytes.AsSpan(header.Offset + RecordFormat.HeaderSize, header.PayloadLength);
                if (OperationCodec.TryDecode(payload, out var operation))
                {
                    last = header.Sequence;
                    yield return new JournalRecord(header.Sequence, new DateTimeOffset(header.AppendedAtTicks, TimeSpan.Zero), operation);
                }
            }
        }
    }
}
