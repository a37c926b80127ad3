using SafeCallLogger.Journal;

namespace SafeCallLogger.Tests.Journal;

/// <summary>A temp journal directory removed after the test, and the helpers the journal tests share.</summary>
internal sealed class TempJournal : IDisposable
{
    public TempJournal() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "scl-journal-" + Guid.NewGuid().ToString("N"));

    public JournalStore Open(long segmentBytes = 64 * 1024, long capBytes = 1L << 30, JournalFlushPolicy flush = JournalFlushPolicy.ToOperatingSystem) =>
        JournalStore.Open(Path, segmentBytes, capBytes, flush, TimeProvider.System);

    public List<(long FirstSequence, string Path)> Segments() => JournalFiles.Segments(Path);

    public static CallOperation Operation(int i) => new()
    {
        OperationId = Guid.NewGuid(),
        Kind = CallOperationKind.AddClick,
        CallId = "call" + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture),
        Timestamp = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(i),
        UserId = i,
    };

    public static List<CallOperation> AppendMany(JournalStore store, int count)
    {
        var appended = new List<CallOperation>(count);
        for (var i = 1; i <= count; i++)
        {
            var operation = Operation(i);
            store.Append(operation);
            appended.Add(operation);
        }

        return appended;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
