using SafeCallLogger.Journal;

namespace SafeCallLogger.Tests.Journal;

public sealed class JournalStoreTests
{
    [Fact]
    public void Crc32C_StandardCheckValue_MatchesCastagnoli()
    {
        Assert.Equal(0xE3069283u, Crc32C.Compute("123456789"u8));
    }

    [Fact]
    public void Read_TenThousandRecordsAcrossSegments_ReplaysEveryOneInOrderAfterReopen()
    {
        using var dir = new TempJournal();
        List<CallOperation> appended;
        using (var store = dir.Open(segmentBytes: 64 * 1024))
        {
            appended = TempJournal.AppendMany(store, 10_000);
            Assert.Equal(10_000, store.LastSequence);
        }

        Assert.True(dir.Segments().Count > 5);
        using var reopened = dir.Open(segmentBytes: 64 * 1024);
        var replayed = TempJournal.ReadAll(reopened).ToList();

        Assert.Equal(Enumerable.Range(1, 10_000).Select(i => (long)i), replayed.Select(r => r.Sequence));
        Assert.Equal(appended.Select(o => o.OperationId), replayed.Select(r => r.Operation.OperationId));
        Assert.Equal(appended[1234].CallId, replayed[1234].Operation.CallId);
        Assert.Equal(appended[1234].UserId, replayed[1234].Operation.UserId);
        Assert.Equal(0, reopened.Recovery.CorruptRecords);
        Assert.Equal(0, reopened.Recovery.TruncatedTailBytes);
    }

    [Fact]
    public void Append_AfterReopen_ContinuesTheSequence()
    {
        using var dir = new TempJournal();
        using (var store = dir.Open())
        {
            TempJournal.AppendMany(store, 3);
        }

        using var reopened = dir.Open();
        Assert.Equal(4, TempJournal.Append(reopened, TempJournal.Operation(4)));
    }

    [Fact]
    public void Commit_ThenReopen_ReplaysOnlyWhatIsAfterIt()
    {
        using var dir = new TempJournal();
        List<CallOperation> appended;
        using (var store = dir.Open(segmentBytes: 8 * 1024))
        {
            appended = TempJournal.AppendMany(store, 1_000);
            store.Commit(600);
            Assert.Equal(Enumerable.Range(601, 400).Select(i => (long)i), TempJournal.ReadAll(store).Select(r => r.Sequence));
        }

        using var reopened = dir.Open(segmentBytes: 8 * 1024);
        var replayed = TempJournal.ReadAll(reopened).ToList();

        Assert.Equal(600, reopened.CommittedSequence);
        Assert.Equal(Enumerable.Range(601, 400).Select(i => (long)i), replayed.Select(r => r.Sequence));
        Assert.Equal(appended.Skip(600).Select(o => o.OperationId), replayed.Select(r => r.Operation.OperationId));
    }

    [Fact]
    public void Commit_SegmentsWhollyAtOrBelowIt_AreDeletedAndTheRestKept()
    {
        using var dir = new TempJournal();
        using var store = dir.Open(segmentBytes: 8 * 1024);
        TempJournal.AppendMany(store, 1_000);
        var before = dir.Segments();
        var bytesBefore = store.TotalBytes;

        store.Commit(600);

        var after = dir.Segments();
        Assert.True(after.Count < before.Count);
        Assert.All(after.Skip(1), s => Assert.True(s.FirstSequence > 601));
        Assert.True(after[0].FirstSequence <= 601, "the segment holding 601 is kept");
        Assert.All(before.Where(s => !after.Contains(s)), s => Assert.False(File.Exists(s.Path)));
        // The live segment is preallocated: the records' bytes are what the inspector counts, not the files' sizes.
        Assert.Equal(JournalInspector.Inspect(dir.Path).Bytes, store.TotalBytes);
        Assert.True(store.TotalBytes < bytesBefore);
    }

    [Fact]
    public void Commit_EverythingCommittedThenReopen_ReplaysNothingAndKeepsTheSequenceRising()
    {
        using var dir = new TempJournal();
        using (var store = dir.Open(segmentBytes: 4 * 1024))
        {
            TempJournal.AppendMany(store, 200);
            store.Commit(200);
        }

        using var reopened = dir.Open(segmentBytes: 4 * 1024);
        Assert.Empty(TempJournal.ReadAll(reopened));
        Assert.Equal(201, TempJournal.Append(reopened, TempJournal.Operation(201)));
        Assert.Equal([201L], TempJournal.ReadAll(reopened).Select(r => r.Sequence));
    }

    [Fact]
    public void TryAppend_PastTheByteCap_ReturnsFullAndKeepsWhatIsJournaled()
    {
        using var dir = new TempJournal();
        using var store = dir.Open(segmentBytes: 4 * 1024, capBytes: 16 * 1024);
        var accepted = 0;
        JournalAppendResult result;
        while ((result = store.TryAppend(TempJournal.Operation(accepted + 1), out _)) == JournalAppendResult.Appended)
        {
            accepted++;
        }

        Assert.Equal(JournalAppendResult.Full, result);
        Assert.True(accepted > 10);
        Assert.Null(store.LastError);
        Assert.Equal(accepted, store.LastSequence);
        Assert.True(store.TotalBytes <= 16 * 1024);
        Assert.True(store.TotalBytes > 16 * 1024 - 1024, "the cap counts records' bytes, not preallocated space");
        Assert.Equal(accepted, TempJournal.ReadAll(store).Count);

        store.Commit(accepted);
        Assert.Equal(accepted + 1, TempJournal.Append(store, TempJournal.Operation(accepted + 1)));
    }

    [Fact]
    public void Append_ContinuousSync_IsReplayedAfterReopen()
    {
        using var dir = new TempJournal();
        using (var store = dir.Open(sync: TimeSpan.Zero))
        {
            TempJournal.AppendMany(store, 20);
        }

        using var reopened = dir.Open();
        Assert.Equal(20, TempJournal.ReadAll(reopened).Count());
    }

    [Fact]
    public void TryAppend_OperationLargerThanARecordMayBe_ReturnsTooLargeAndTheJournalStaysConsistent()
    {
        using var dir = new TempJournal();
        using var store = dir.Open(segmentBytes: 4 * 1024);
        TempJournal.AppendMany(store, 20);

        var result = store.TryAppend(TempJournal.Operation(21) with { RawDataJson = new string('x', RecordFormat.MaxPayloadBytes + 1) }, out var sequence);

        Assert.Equal(JournalAppendResult.TooLarge, result);
        Assert.Equal(0, sequence);
        Assert.Equal(20, store.LastSequence);
        Assert.Equal(21, TempJournal.Append(store, TempJournal.Operation(21)));
        Assert.Equal(Enumerable.Range(1, 21).Select(i => (long)i), TempJournal.ReadAll(store).Select(r => r.Sequence));
        Assert.Equal(0, JournalInspector.Inspect(dir.Path).CorruptRecords);
    }

    [Fact]
    public void TryAppend_RecordLargerThanASegment_GetsASegmentOfItsOwnAndReadsBackWhole()
    {
        using var dir = new TempJournal();
        using var store = dir.Open(segmentBytes: 4 * 1024);
        TempJournal.AppendMany(store, 5);
        var large = TempJournal.Operation(6) with { RawDataJson = "{\"notes\":\"" + new string('x', 20_000) + "\"}" };

        Assert.Equal(6, TempJournal.Append(store, large));
        TempJournal.AppendMany(store, 5, 7);

        var read = TempJournal.ReadAll(store);
        Assert.Equal(Enumerable.Range(1, 11).Select(i => (long)i), read.Select(r => r.Sequence));
        Assert.Equal(large.RawDataJson, read[5].Operation.RawDataJson);
    }
}
