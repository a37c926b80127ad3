using SafeCallLogger.Journal;

namespace SafeCallLogger.Tests.Journal;

public sealed class JournalRecoveryTests
{
    [Fact]
    public void Open_TornTail_TruncatesItAndKeepsEarlierRecords()
    {
        using var dir = new TempJournal();
        using (var store = dir.Open(segmentBytes: 8 * 1024))
        {
            TempJournal.AppendMany(store, 500);
        }

        var last = dir.Segments()[^1].Path;
        var length = new FileInfo(last).Length;
        using (var stream = new FileStream(last, FileMode.Open, FileAccess.Write))
        {
            stream.SetLength(length - 5);
        }

        using var reopened = dir.Open(segmentBytes: 8 * 1024);

        Assert.True(reopened.Recovery.TruncatedTailBytes > 0);
        Assert.Equal(0, reopened.Recovery.CorruptRecords);
        Assert.Equal(Enumerable.Range(1, 499).Select(i => (long)i), TempJournal.ReadAll(reopened).Select(r => r.Sequence));
        Assert.Equal(500, TempJournal.Append(reopened, TempJournal.Operation(500)));
        Assert.Equal(500, TempJournal.ReadAll(reopened).Count());
        Assert.Equal(0, JournalInspector.Inspect(dir.Path).TailBytes);
    }

    [Fact]
    public void Open_FlippedByteInAMiddleRecord_SkipsItKeepsItAsideCountsItAndReplaysTheRest()
    {
        using var dir = new TempJournal();
        List<CallOperation> appended;
        using (var store = dir.Open(segmentBytes: 8 * 1024))
        {
            appended = TempJournal.AppendMany(store, 500);
        }

        var middle = dir.Segments()[1].Path;
        var scan = SegmentScan.Read(middle);
        var victim = scan.Records[3];
        var bytes = File.ReadAllBytes(middle);
        bytes[victim.Offset + RecordFormat.HeaderSize + 10] ^= 0x40;
        File.WriteAllBytes(middle, bytes);

        Assert.Equal(1, JournalInspector.Inspect(dir.Path).CorruptRecords);
        using var reopened = dir.Open(segmentBytes: 8 * 1024);
        var replayed = TempJournal.ReadAll(reopened).ToList();

        Assert.Equal(1, reopened.Recovery.CorruptRecords);
        Assert.Equal(499, replayed.Count);
        Assert.DoesNotContain(victim.Sequence, replayed.Select(r => r.Sequence));
        Assert.Equal(appended.Where((_, i) => i + 1 != victim.Sequence).Select(o => o.OperationId), replayed.Select(r => r.Operation.OperationId));
        var kept = Assert.Single(Directory.GetFiles(Path.Combine(dir.Path, JournalFiles.CorruptFolder), "*.bad"));
        Assert.Equal(bytes.AsSpan(victim.Offset, victim.TotalLength).ToArray(), File.ReadAllBytes(kept));
        Assert.Equal(1, JournalInspector.Inspect(dir.Path).KeptAsideRecords);
    }

    [Fact]
    public void Open_CorruptLengthField_ResynchronisesOnTheNextValidRecord()
    {
        using var dir = new TempJournal();
        using (var store = dir.Open())
        {
            TempJournal.AppendMany(store, 50);
        }

        var segment = dir.Segments()[0].Path;
        var victim = SegmentScan.Read(segment).Records[20];
        var bytes = File.ReadAllBytes(segment);
        bytes[victim.Offset + 4] = 0xFF;
        bytes[victim.Offset + 7] = 0x7F;
        File.WriteAllBytes(segment, bytes);

        // Twice: a second open must neither crash nor lose more, whatever the first left behind.
        dir.Open().Dispose();
        using var reopened = dir.Open();

        Assert.Equal(49, TempJournal.ReadAll(reopened).Count());
        Assert.Equal(51, TempJournal.Append(reopened, TempJournal.Operation(51)));
    }

    [Fact]
    public void Open_GarbageSegment_NeverThrowsAndReplaysTheValidOnes()
    {
        using var dir = new TempJournal();
        using (var store = dir.Open(segmentBytes: 4 * 1024))
        {
            TempJournal.AppendMany(store, 100);
        }

        var garbage = new byte[3000];
        new Random(7).NextBytes(garbage);
        File.WriteAllBytes(dir.Segments()[1].Path, garbage);

        using var reopened = dir.Open(segmentBytes: 4 * 1024);
        var replayed = TempJournal.ReadAll(reopened).Select(r => r.Sequence).ToList();

        Assert.Equal(1, reopened.Recovery.CorruptRecords);
        Assert.Equal(replayed.Order(), replayed);
        Assert.Contains(100L, replayed);
    }

    [Fact]
    public void Open_CrashAfterTheCheckpointTempFileWasWritten_KeepsTheOldCheckpointAndRemovesTheTemp()
    {
        using var dir = new TempJournal();
        using (var store = dir.Open(segmentBytes: 4 * 1024))
        {
            TempJournal.AppendMany(store, 300);
            store.Commit(100);
        }

        // A newer checkpoint written and fsynced to the temp file, then the crash before the rename.
        var temp = Path.Combine(dir.Path, "staged");
        Directory.CreateDirectory(temp);
        Checkpoint.Write(temp, 250);
        File.Move(Path.Combine(temp, JournalFiles.CheckpointName), Path.Combine(dir.Path, JournalFiles.CheckpointTempName));
        Directory.Delete(temp);

        using var reopened = dir.Open(segmentBytes: 4 * 1024);

        Assert.False(File.Exists(Path.Combine(dir.Path, JournalFiles.CheckpointTempName)));
        Assert.Equal(100, reopened.CommittedSequence);
        Assert.Equal(Enumerable.Range(101, 200).Select(i => (long)i), TempJournal.ReadAll(reopened).Select(r => r.Sequence));
    }

    [Fact]
    public void Open_CrashWithAHalfWrittenCheckpointTempFile_KeepsTheOldCheckpoint()
    {
        using var dir = new TempJournal();
        using (var store = dir.Open())
        {
            TempJournal.AppendMany(store, 30);
            store.Commit(10);
        }

        File.WriteAllBytes(Path.Combine(dir.Path, JournalFiles.CheckpointTempName), [0x53, 0x43]);

        using var reopened = dir.Open();
        Assert.Equal(10, reopened.CommittedSequence);
        Assert.Equal(20, TempJournal.ReadAll(reopened).Count());
    }

    [Fact]
    public void Open_CrashAfterTheRenameBeforeTheDeletes_DeletesTheCommittedSegmentsAndReplaysTheRest()
    {
        using var dir = new TempJournal();
        using (var store = dir.Open(segmentBytes: 4 * 1024))
        {
            TempJournal.AppendMany(store, 300);
        }

        var before = dir.Segments();
        Checkpoint.Write(dir.Path, 250); // the checkpoint step done, the deletes never ran

        using var reopened = dir.Open(segmentBytes: 4 * 1024);

        Assert.True(reopened.Recovery.DeletedCommittedSegments > 0);
        Assert.True(dir.Segments().Count < before.Count);
        Assert.True(dir.Segments()[0].FirstSequence <= 251);
        Assert.Equal(Enumerable.Range(251, 50).Select(i => (long)i), TempJournal.ReadAll(reopened).Select(r => r.Sequence));
        Assert.Equal(dir.Segments().Sum(s => new FileInfo(s.Path).Length), reopened.TotalBytes);
    }

    [Fact]
    public void Open_CrashMidwayThroughTheDeletes_ReplaysTheRestExactlyOnce()
    {
        using var dir = new TempJournal();
        using (var store = dir.Open(segmentBytes: 4 * 1024))
        {
            TempJournal.AppendMany(store, 300);
        }

        Checkpoint.Write(dir.Path, 250);
        File.Delete(dir.Segments()[0].Path); // the oldest deleted, the crash before the next

        using var reopened = dir.Open(segmentBytes: 4 * 1024);
        Assert.Equal(Enumerable.Range(251, 50).Select(i => (long)i), TempJournal.ReadAll(reopened).Select(r => r.Sequence));
        Assert.Equal(301, TempJournal.Append(reopened, TempJournal.Operation(301)));
    }

    [Fact]
    public void Open_CheckpointFailingItsChecksum_ReplaysEverythingRatherThanLosingAny()
    {
        using var dir = new TempJournal();
        using (var store = dir.Open())
        {
            TempJournal.AppendMany(store, 40);
            store.Commit(30);
        }

        var path = Path.Combine(dir.Path, JournalFiles.CheckpointName);
        var bytes = File.ReadAllBytes(path);
        bytes[5] ^= 1;
        File.WriteAllBytes(path, bytes);

        using var reopened = dir.Open();
        Assert.Equal(40, TempJournal.ReadAll(reopened).Count());
    }
}
