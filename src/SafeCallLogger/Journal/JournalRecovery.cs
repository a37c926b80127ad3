using System.Globalization;

namespace SafeCallLogger.Journal;

/// <summary>
/// What opening a journal does, under its lock, before any append: finish every step a crash may have interrupted.
/// A checkpoint temp file is removed (the rename never happened); segments wholly at or below the checkpoint are
/// deleted (the checkpoint was durable before any delete began); a damaged region followed by a valid record is copied
/// into <c>corrupt/</c> and left in place for every scan to skip; an invalid tail of the last segment (a half-written
/// append) is cut off and counted. Segments are preallocated, so a crash leaves zeros after the last record of every
/// segment it had mapped: that zero fill is unused space, not damage, and is cut off without being counted. Spare
/// segments (never holding a record) are deleted. Each step is idempotent, so a crash during recovery is repaired by
/// the next open.
/// </summary>
internal static class JournalRecovery
{
    public static RecoveryReport Run(string directory)
    {
        var report = new RecoveryReport();
        Checkpoint.RemoveLeftover(directory);
        foreach (var spare in Directory.EnumerateFiles(directory, "*" + JournalFiles.SpareExtension))
        {
            File.Delete(spare);
        }

        report.Checkpoint = Checkpoint.Read(directory);
        report.LastSequence = report.Checkpoint;

        var segments = JournalFiles.Segments(directory);
        report.DeletedCommittedSegments = DeleteCommitted(segments, report.Checkpoint);

        for (var i = 0; i < segments.Count; i++)
        {
            var (_, path) = segments[i];
            var scan = SegmentScan.Read(path);
            foreach (var (offset, length) in scan.Corrupt)
            {
                KeepAside(directory, path, scan.Bytes, offset, length);
                report.CorruptRecords++;
            }

            var isLast = i == segments.Count - 1;
            var kept = scan.Bytes.Length;
            if (scan.TornLength == 0 || isLast)
            {
                // A zero fill anywhere, or a torn record at the end of the segment appended to last: cut off.
                kept = scan.TailStart;
                report.TruncatedTailBytes += scan.TornLength;
            }
            else
            {
                // Only the last segment is ever appended to, so damage at the end of an earlier one is corruption:
                // kept in place (like damage in the middle), its zero fill cut off.
                KeepAside(directory, path, scan.Bytes, scan.TailStart, scan.TornLength);
                report.CorruptRecords++;
                kept = scan.DataEnd;
            }

            if (kept < scan.Bytes.Length)
            {
                Truncate(path, kept);
            }

            if (scan.Records.Count > 0)
            {
                report.LastSequence = Math.Max(report.LastSequence, scan.Records[^1].Sequence);
            }

            report.TotalBytes += kept;
        }

        if (segments.Count > 0)
        {
            // An empty last segment (a crash right after a roll) already names the next sequence.
            report.LastSequence = Math.Max(report.LastSequence, segments[^1].FirstSequence - 1);
        }

        return report;
    }

    /// <summary>
    /// Deletes, oldest first, every segment whose successor starts at or below <c>checkpoint + 1</c>: all its records
    /// are committed. The last segment is kept (it is the one appended to, and its name carries the next sequence).
    /// Oldest first, so a crash midway leaves a contiguous suffix.
    /// </summary>
    public static int DeleteCommitted(List<(long FirstSequence, string Path)> segments, long checkpoint)
    {
        var deleted = 0;
        while (segments.Count > 1 && segments[1].FirstSequence <= checkpoint + 1)
        {
            File.Delete(segments[0].Path);
            segments.RemoveAt(0);
            deleted++;
        }

        return deleted;
    }

    private static void KeepAside(string directory, string segmentPath, byte[] bytes, int offset, int length)
    {
        var folder = Path.Combine(directory, JournalFiles.CorruptFolder);
        Directory.CreateDirectory(folder);
        var name = string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileNameWithoutExtension(segmentPath)}.{offset:D10}.bad");
        var target = Path.Combine(folder, name);
        if (File.Exists(target))
        {
            return;
        }

        // Write then rename, so a crash never leaves a half copy that a later open would take as already kept.
        var temp = target + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1))
        {
            stream.Write(bytes, offset, length);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, target, overwrite: true);
    }

    private static void Truncate(string path, long length)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read, 1);
        stream.SetLength(length);
        stream.Flush(flushToDisk: true);
    }
}
