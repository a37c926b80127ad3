using SafeCallLogger.Journal;

namespace SafeCallLogger.Tests.Journal;

/// <summary>A temp journal directory removed after the test, and the helpers the journal tests share.</summary>
internal sealed class TempJournal : IDisposable
{
    public TempJournal() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "scl-journal-" + Guid.NewGuid().ToString("N"));

    /// <summary>Opens the journal on a clock that never moves unless the test moves it, never syncing by default.</summary>
    public JournalStore Open(long segmentBytes = 64 * 1024, long capBytes = 1L << 30, TimeSpan? sync = null, TimeProvider? time = null) =>
        JournalStore.Open(Path, Settings(segmentBytes, capBytes, sync), time ?? new FakeTimeProvider(TestClock.Start));

    public static JournalStoreSettings Settings(long segmentBytes = 64 * 1024, long capBytes = 1L << 30, TimeSpan? sync = null) => new()
    {
        SegmentBytes = segmentBytes,
        CapBytes = capBytes,
        SyncInterval = sync ?? Timeout.InfiniteTimeSpan,
        CheckpointInterval = TimeSpan.FromSeconds(1),
    };

    public List<(long FirstSequence, string Path)> Segments() => JournalFiles.Segments(Path);

    public static CallOperation Operation(int i) => new()
    {
        OperationId = Guid.NewGuid(),
        Kind = CallOperationKind.AddClick,
        CallId = "call" + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture),
        Timestamp = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(i),
        UserId = i,
    };

    /// <summary>Appends one operation, which must be appended; returns its sequence.</summary>
    public static long Append(JournalStore store, CallOperation operation)
    {
        var result = store.TryAppend(operation, out var sequence);
        Assert.True(result == JournalAppendResult.Appended, $"{result}: {store.LastError}");
        return sequence;
    }

    public static List<CallOperation> AppendMany(JournalStore store, int count, int from = 1)
    {
        var appended = new List<CallOperation>(count);
        for (var i = from; i < from + count; i++)
        {
            var operation = Operation(i);
            Append(store, operation);
            appended.Add(operation);
        }

        return appended;
    }

    /// <summary>Everything after the committed sequence, as the writer reads it: batches of up to 256 from its cursor.</summary>
    public static List<JournalRecord> ReadAll(JournalStore store, long? after = null)
    {
        var records = new List<JournalRecord>();
        var last = after ?? store.CommittedSequence;
        var upTo = store.LastSequence;
        while (store.Read(last, upTo, 256, records) > 0)
        {
            last = records[^1].Sequence;
        }

        return records;
    }

    /// <summary>
    /// What <c>kill -9</c> of the process would leave right now: the files as the kernel has them (the page cache
    /// holds every byte copied into a mapping), copied into a fresh directory, without the store's checkpoint, trim
    /// or lock release. Opening the copy is the next process starting after the crash.
    /// </summary>
    public TempJournal CrashCopy()
    {
        var copy = new TempJournal();
        foreach (var file in Directory.EnumerateFiles(Path).Where(f => System.IO.Path.GetFileName(f) != JournalFiles.LockName))
        {
            File.Copy(file, System.IO.Path.Combine(copy.Path, System.IO.Path.GetFileName(file)));
        }

        return copy;
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
