using SafeCallLogger.Journal;

namespace SafeCallLogger.Tests.Journal;

/// <summary>
/// A real small tmpfs filled to the last byte, as root (the way SqliteDiskFaultTests does it). A store into a mapped
/// page with no block behind it would kill this test process with SIGBUS; the journal must refuse cleanly instead.
/// Skipped, passing, where mounting is not permitted.
/// </summary>
public sealed class JournalDiskFaultTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("scl-journal-disk-").FullName;
    private SmallTmpfs? _tmpfs;

    public void Dispose()
    {
        _tmpfs?.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private string Small => Path.Combine(_dir, "small");

    [Fact]
    public void TryAppend_DiskFull_ReturnsFailedWithoutCrashingAndAppendsAgainOnceSpaceIsFreed()
    {
        if (!MountSmallTmpfs())
        {
            return;
        }

        var journal = Path.Combine(Small, "journal");
        var settings = TempJournal.Settings(segmentBytes: 256 * 1024);
        long appended = 0;
        using (var store = JournalStore.Open(journal, settings, new FakeTimeProvider(TestClock.Start)))
        {
            TempJournal.AppendMany(store, 10);
            _tmpfs!.FillUp();

            // The active segment and any spare already have their blocks: appends go on until both are used up.
            JournalAppendResult result;
            var attempts = 0;
            while ((result = store.TryAppend(TempJournal.Operation(attempts), out _)) == JournalAppendResult.Appended && ++attempts < 100_000)
            {
            }

            Assert.Equal(JournalAppendResult.Failed, result);
            Assert.IsAssignableFrom<IOException>(store.LastError);
            Assert.Contains("space", store.LastError!.Message, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(JournalAppendResult.Failed, store.TryAppend(TempJournal.Operation(0), out _));

            // A failed append leaves the journal readable and consistent: every record before it, intact, once.
            appended = store.LastSequence;
            Assert.Equal(Enumerable.Range(1, (int)appended).Select(i => (long)i), TempJournal.ReadAll(store).Select(r => r.Sequence));
            Assert.Equal(0, JournalInspector.Inspect(journal).CorruptRecords);
            Assert.Empty(Directory.GetFiles(journal, "*" + JournalFiles.SpareExtension));

            _tmpfs.FreeUp();
            Assert.Equal(appended + 1, TempJournal.Append(store, TempJournal.Operation(1)));
        }

        using var reopened = JournalStore.Open(journal, settings, new FakeTimeProvider(TestClock.Start));
        Assert.Equal(0, reopened.Recovery.CorruptRecords);
        Assert.Equal(0, reopened.Recovery.TruncatedTailBytes);
        Assert.Equal(appended + 1, TempJournal.ReadAll(reopened).Count);
    }

    [Fact]
    public void Open_DiskAlreadyFull_OpensAndTheFirstAppendFails()
    {
        if (!MountSmallTmpfs())
        {
            return;
        }

        _tmpfs!.FillUp();
        Directory.CreateDirectory(Path.Combine(Small, "journal")); // a directory needs a block on some file systems

        using var store = JournalStore.Open(Path.Combine(Small, "journal"), TempJournal.Settings(), new FakeTimeProvider(TestClock.Start));

        Assert.Equal(JournalAppendResult.Failed, store.TryAppend(TempJournal.Operation(1), out _));
        Assert.NotNull(store.LastError);
        Assert.Equal(0, store.LastSequence);
        Assert.Empty(TempJournal.ReadAll(store));
    }

    private bool MountSmallTmpfs() => (_tmpfs = SmallTmpfs.TryMount(Small, "2m")) is not null;
}
