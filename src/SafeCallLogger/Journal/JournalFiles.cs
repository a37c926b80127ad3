using System.Globalization;

namespace SafeCallLogger.Journal;

/// <summary>The names inside a journal directory, in one place for the writer, the replay and the inspector.</summary>
internal static class JournalFiles
{
    public const string SegmentExtension = ".seg";

    /// <summary>A preallocated segment not yet in use: never holds a record, so an open deletes any it finds.</summary>
    public const string SpareExtension = ".spare";
    public const string CheckpointName = "checkpoint";
    public const string CheckpointTempName = "checkpoint.tmp";
    public const string LockName = "journal.lock";
    public const string CorruptFolder = "corrupt";

    public static string SegmentName(long firstSequence) =>
        firstSequence.ToString("D20", CultureInfo.InvariantCulture) + SegmentExtension;

    /// <summary>The segments in sequence order (the zero-padded names sort as their numbers); unrelated files ignored.</summary>
    public static List<(long FirstSequence, string Path)> Segments(string directory)
    {
        var segments = new List<(long, string)>();
        foreach (var path in Directory.EnumerateFiles(directory, "*" + SegmentExtension))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (name.Length == 20 && long.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var first))
            {
                segments.Add((first, path));
            }
        }

        segments.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return segments;
    }
}
