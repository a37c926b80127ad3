namespace SafeCallLogger.Journal;

/// <summary>
/// One pass over a segment's bytes: the valid records in file order, the damaged regions between them (each found by
/// scanning forward for the next record that validates) and where an invalid tail begins. Pure and never throwing,
/// so the writer's recovery, the replay and the read-only inspector all judge a file the same way.
/// </summary>
internal sealed class SegmentScan
{
    private SegmentScan(byte[] bytes) => Bytes = bytes;

    public byte[] Bytes { get; }

    public List<RecordHeader> Records { get; } = [];

    /// <summary>Damaged regions followed by a valid record: (offset, length).</summary>
    public List<(int Offset, int Length)> Corrupt { get; } = [];

    /// <summary>Where the bytes after the last valid record stop parsing; equals the length when the file ends cleanly.</summary>
    public int TailStart { get; private set; }

    public int TailLength => Bytes.Length - TailStart;

    /// <summary>
    /// Where the last non-zero byte after <see cref="TailStart"/> ends. A preallocated segment is zero-filled, so the
    /// zeros after its last record are space not yet used, not damage: <c>DataEnd == TailStart</c> then.
    /// </summary>
    public int DataEnd { get; private set; }

    /// <summary>The damaged bytes of the tail, its zero fill not counted: a torn record, or garbage.</summary>
    public int TornLength => DataEnd - TailStart;

    public static SegmentScan Of(byte[] bytes)
    {
        var scan = new SegmentScan(bytes);
        var pos = 0;
        while (pos < bytes.Length)
        {
            if (RecordFormat.TryRead(bytes, pos, out var header))
            {
                scan.Records.Add(header);
                pos += header.TotalLength;
                continue;
            }

            var next = FindNextValid(bytes, pos + 1);
            if (next < 0)
            {
                break;
            }

            scan.Corrupt.Add((pos, next - pos));
            pos = next;
        }

        scan.TailStart = Math.Min(pos, bytes.Length);
        scan.DataEnd = scan.TailStart + bytes.AsSpan(scan.TailStart).LastIndexOfAnyExcept((byte)0) + 1;
        return scan;
    }

    /// <summary>Reads a whole segment without locking it against the writer, which only ever appends.</summary>
    public static SegmentScan Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        var bytes = new byte[stream.Length];
        var read = 0;
        while (read < bytes.Length)
        {
            var n = stream.Read(bytes, read, bytes.Length - read);
            if (n == 0)
            {
                // Shrunk while we read (a recovery truncation): judge what we have.
                Array.Resize(ref bytes, read);
                break;
            }

            read += n;
        }

        return Of(bytes);
    }

    private static int FindNextValid(byte[] bytes, int from)
    {
        var span = bytes.AsSpan();
        ReadOnlySpan<byte> magic = [0x53, 0x43, 0x4A, 0x31];
        while (from <= bytes.Length - RecordFormat.HeaderSize)
        {
            var hit = span[from..].IndexOf(magic);
            if (hit < 0)
            {
                return -1;
            }

            if (RecordFormat.TryRead(span, from + hit, out _))
            {
                return from + hit;
            }

            from += hit + 1;
        }

        return -1;
    }
}
