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
    public void ReadPending_TenThousandRecordsAcrossSegments_ReplaysEveryOneInOrderAfterReopen()
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
        var replayed = reopened.ReadPending().ToList();

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
        Assert.Equal(4, reopened.Append(TempJournal.Operation(4)));
    }

    [Fact]
    public void Checkpoint_ThenReopen_ReplaysOnlyWhatIsAfterIt()
    {
        using var dir = new TempJournal();
        List<CallOperation> appended;
        using (var store = dir.Open(segmentBytes: 8 * 1024))
        {
            appended = TempJournal.AppendMany(store, 1_000);
            store.Checkpoint(600);
            Assert.Equal(Enumerable.Range(601, 400).Select(i => (long)i), store.ReadPending().Select(r => r.Sequence));
        }

        using var reopened = dir.Open(segmentBytes: 8 * 1024);
        var replayed = reopened.ReadPending().ToList();

        Assert.Equal(600, reopened.CommittedSequence);
        Assert.Equal(Enumerable.Range(601, 400).Select(i => (long)i), replayed.Select(r => r.Sequence));
        Assert.Equal(appended.Skip(600).Select(o => o.OperationId), replayed.Select(r => r.Operation.OperationId));
    }

    [Fact]
    public void Checkpoint_SegmentsWhollyAtOrBelowIt_AreDeletedAndTheRestKept()
    {
        using var dir = new TempJournal();
        using var store = dir.Open(segmentBytes: 8 * 1024);
        TempJournal.AppendMany(store, 1_000);
        var before = dir.Segments();
        var bytesBefore = store.TotalBytes;

        store.Checkpoint(600);

        var after = dir.Segments();
        Assert.True(after.Count < before.Count);
        Assert.All(after.Skip(1), s => Assert.True(s.FirstSequence > 601));
        Assert.True(after[0].FirstSequence <= 601, "the segment holding 601 is kept");
        Assert.All(before.Where(s => !after.Contains(s)), s => Assert.False(File.Exists(s.Path)));
        Assert.Equal(after.Sum(s => new FileInfo(s.Path).Length), store.TotalBytes);
        Assert.True(store.TotalBytes < bytesBefore);
    }

    [Fact]
    public void Checkpoint_EverythingCommittedThenReopen_ReplaysNothingAndKeepsTheSequenceRising()
    {
        using var dir = new TempJournal();
        using (var store = dir.Open(segmentBytes: 4 * 1024))
        {
            TempJournal.AppendMany(store, 200);
            store.Checkpoint(200);
        }

        using var reopened = dir.Open(segmentBytes: 4 * 1024);
        Assert.Empty(reopened.ReadPending());
        Assert.Equal(201, reopened.Append(TempJournal.Operation(201)));
        Assert.Equal([201L], reopened.ReadPending().Select(r => r.Sequence));
    }

    [Fact]
    public void Append_PastTheByteCap_ThrowsJournalFullAndKeepsWhatIsJournaled()
    {
        using var dir = new TempJournal();
        using var store = dir.Open(segmentBytes: 4 * 1024, capBytes: 16 * 1024);
        var accepted = 0;
        JournalFullException? full = null;
        while (full is null)
        {
            try
            {
                store.Append(TempJournal.Operation(accepted + 1));
                accepted++;
            }
            catch (JournalFullException ex)
            {
                full = ex;
            }
        }

        Assert.True(accepted > 10);
        Assert.Equal(16 * 1024, full.CapBytes);
        Assert.True(store.TotalBytes <= 16 * 1024);
        Assert.Equal(accepted, store.ReadPending().Count());

        store.Checkpoint(accepted);
        Assert.Equal(accepted + 1, store.Append(TempJournal.Operation(accepted + 1)));
    }

    [Fact]
    public void Append_ToDiskPolicy_IsReplayedAfterReopen()
    {
        using var dir = new TempJournal();
        using (var store = dir.Open(flush: JournalFlushPolicy.ToDisk))
        {
            TempJournal.AppendMany(store, 20);
        }

        using var reopened = dir.Open();
        Assert.Equal(20, reopened.ReadPending().Count());
    }
}
