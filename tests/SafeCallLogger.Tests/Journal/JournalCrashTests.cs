using SafeCallLogger.Journal;

namespace SafeCallLogger.Tests.Journal;

/// <summary>
/// Crashes as the kernel sees them: <see cref="TempJournal.CrashCopy"/> takes the files as a <c>kill -9</c> at that
/// moment would leave them (mapped bytes are in the page cache; no checkpoint, trim or unlock ran).
/// </summary>
public sealed class JournalCrashTests
{
    [Fact]
    public void Commit_ThenCrash_ReopenReplaysExactlyTheUncommittedRecords()
    {
        using var dir = new TempJournal();
        var time = new FakeTimeProvider(TestClock.Start);
        using var store = dir.Open(segmentBytes: 4 * 1024, time: time);
        var appended = TempJournal.AppendMany(store, 500);
        time.Advance(TimeSpan.FromSeconds(1));
        store.Commit(300);
        appended.AddRange(TempJournal.AppendMany(store, 100, 501));

        using var crashed = dir.CrashCopy();
        using var reopened = crashed.Open(segmentBytes: 4 * 1024);
        var replayed = TempJournal.ReadAll(reopened);

        Assert.Equal(300, reopened.CommittedSequence);
        Assert.Equal(600, reopened.LastSequence);
        Assert.Equal(Enumerable.Range(301, 300).Select(i => (long)i), replayed.Select(r => r.Sequence));
        Assert.Equal(appended.Skip(300), replayed.Select(r => r.Operation));
        Assert.Equal(0, reopened.Recovery.TruncatedTailBytes);
        Assert.Equal(0, reopened.Recovery.CorruptRecords);
        Assert.Equal(601, TempJournal.Append(reopened, TempJournal.Operation(601)));
    }

    [Fact]
    public void Commit_OnlyInMemoryThenCrash_ReplaysFromTheDurableCheckpointNeverLess()
    {
        using var dir = new TempJournal();
        var time = new FakeTimeProvider(TestClock.Start);
        using var store = dir.Open(time: time);
        TempJournal.AppendMany(store, 100);
        store.Commit(50);

        using (var crashed = dir.CrashCopy())
        using (var reopened = crashed.Open())
        {
            Assert.Equal(0, reopened.CommittedSequence);
            Assert.Equal(100, TempJournal.ReadAll(reopened).Count);
        }

        time.Advance(TimeSpan.FromSeconds(1));
        store.Commit(60);
        using var later = dir.CrashCopy();
        using var again = later.Open();
        Assert.Equal(Enumerable.Range(61, 40).Select(i => (long)i), TempJournal.ReadAll(again).Select(r => r.Sequence));
    }

    [Fact]
    public void Open_AfterACrash_TheZeroFillOfThePreallocatedSegmentIsNotATornTail()
    {
        using var dir = new TempJournal();
        using var store = dir.Open(segmentBytes: 64 * 1024);
        TempJournal.AppendMany(store, 40);
        using var crashed = dir.CrashCopy();
        var segment = crashed.Segments()[^1].Path;
        Assert.Equal(64 * 1024, new FileInfo(segment).Length);

        var status = JournalInspector.Inspect(crashed.Path);
        Assert.Equal(0, status.TailBytes);
        Assert.Equal(0, status.CorruptRecords);
        Assert.Equal(40, status.PendingRecords);
        Assert.Equal(store.TotalBytes, status.Bytes);

        using var reopened = crashed.Open(segmentBytes: 64 * 1024);
        Assert.Equal(0, reopened.Recovery.TruncatedTailBytes);
        Assert.Equal(0, reopened.Recovery.CorruptRecords);
        Assert.Equal(store.TotalBytes, new FileInfo(segment).Length);
        Assert.Equal(40, TempJournal.ReadAll(reopened).Count);
    }

    [Fact]
    public void Open_ATornRecordBeforeTheZeroFill_IsCutAndCounted()
    {
        using var dir = new TempJournal();
        using var store = dir.Open(segmentBytes: 64 * 1024);
        TempJournal.AppendMany(store, 40);
        using var crashed = dir.CrashCopy();
        var segment = crashed.Segments()[^1].Path;

        // The crash came mid-copy: the first 30 bytes of a 41st record, zeros after them.
        var bytes = File.ReadAllBytes(segment);
        var scan = SegmentScan.Of(bytes);
        var last = scan.Records[^1];
        bytes.AsSpan(last.Offset, 30).CopyTo(bytes.AsSpan(scan.TailStart));
        bytes[scan.TailStart + 29] = 0xAB; // the copy's last byte, whatever the id had there
        File.WriteAllBytes(segment, bytes);
        Assert.Equal(30, JournalInspector.Inspect(crashed.Path).TailBytes);

        using var reopened = crashed.Open(segmentBytes: 64 * 1024);

        Assert.Equal(30, reopened.Recovery.TruncatedTailBytes);
        Assert.Equal(0, reopened.Recovery.CorruptRecords);
        Assert.Equal(40, TempJournal.ReadAll(reopened).Count);
        Assert.Equal(41, TempJournal.Append(reopened, TempJournal.Operation(41)));
    }

    [Fact]
    public void Open_AfterACrashWithASpareSegmentPrepared_DeletesTheSpare()
    {
        using var dir = new TempJournal();
        using var store = dir.Open(segmentBytes: 4 * 1024);
        TempJournal.AppendMany(store, 100);
        using var crashed = dir.CrashCopy();
        File.WriteAllBytes(Path.Combine(crashed.Path, "leftover" + JournalFiles.SpareExtension), new byte[4096]);

        using var reopened = crashed.Open(segmentBytes: 4 * 1024);

        Assert.False(File.Exists(Path.Combine(crashed.Path, "leftover" + JournalFiles.SpareExtension)));
        Assert.Equal(100, TempJournal.ReadAll(reopened).Count);
        Assert.Equal(0, reopened.Recovery.TruncatedTailBytes);
    }

    [Fact]
    public void Open_CrashRightAfterARollLeftAnEmptySegment_TheNextRollReusesItsName()
    {
        using var dir = new TempJournal();
        using var store = dir.Open(segmentBytes: 4 * 1024);
        TempJournal.AppendMany(store, 50);
        using var crashed = dir.CrashCopy();

        // The rename to the next sequence's name happened, the first copy into it did not.
        File.WriteAllBytes(Path.Combine(crashed.Path, JournalFiles.SegmentName(51)), new byte[4096]);

        using var reopened = crashed.Open(segmentBytes: 4 * 1024);
        Assert.Equal(50, reopened.LastSequence);
        Assert.Equal(0, reopened.Recovery.TruncatedTailBytes);
        Assert.Equal(51, TempJournal.Append(reopened, TempJournal.Operation(51)));
        Assert.Equal(Enumerable.Range(1, 51).Select(i => (long)i), TempJournal.ReadAll(reopened).Select(r => r.Sequence));
    }
}
