using System.Collections.Concurrent;
using SafeCallLogger.Journal;

namespace SafeCallLogger.Tests.Journal;

public sealed class JournalConcurrencyAndCursorTests
{
    [Fact]
    public void TryAppend_EightThreadsAtOnce_EverySequenceOnceEachRecordIntactAndReadInOrder()
    {
        const int threads = 8, each = 2_000;
        using var dir = new TempJournal();
        using var store = dir.Open(segmentBytes: 64 * 1024);
        var appended = new ConcurrentDictionary<long, CallOperation>();
        var failures = new ConcurrentQueue<string>();
        using var start = new Barrier(threads);
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < each; i++)
            {
                var operation = TempJournal.Operation((t * each) + i);
                var result = store.TryAppend(operation, out var sequence);
                if (result != JournalAppendResult.Appended || !appended.TryAdd(sequence, operation))
                {
                    failures.Enqueue($"{result} {sequence}: {store.LastError}");
                }
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());

        var read = TempJournal.ReadAll(store);

        Assert.Empty(failures);
        Assert.Equal(threads * each, store.LastSequence);
        Assert.True(store.SegmentCount > 5, "the appenders rolled segments while racing");
        Assert.Equal(Enumerable.Range(1, threads * each).Select(i => (long)i), read.Select(r => r.Sequence));
        Assert.All(read, r => Assert.Equal(appended[r.Sequence], r.Operation));
        Assert.Equal(0, JournalInspector.Inspect(dir.Path).CorruptRecords);
    }

    [Fact]
    public void Read_WithAnUpperBound_StopsThereAndTheNextCallContinues()
    {
        using var dir = new TempJournal();
        using var store = dir.Open();
        TempJournal.AppendMany(store, 30);
        var records = new List<JournalRecord>();

        Assert.Equal(10, store.Read(0, 10, 256, records));
        Assert.Equal(5, store.Read(10, 30, 5, records));
        Assert.Equal(15, store.Read(15, 30, 256, records));
        Assert.Equal(0, store.Read(30, 30, 256, records));

        Assert.Equal(Enumerable.Range(1, 30).Select(i => (long)i), records.Select(r => r.Sequence));
    }

    [Fact]
    public void Read_InterleavedWithAppendsAcrossSegmentRollsAndAReopen_ReturnsEachRecordOnceInOrder()
    {
        using var dir = new TempJournal();
        var all = new List<CallOperation>();
        var read = new List<JournalRecord>();
        using (var store = dir.Open(segmentBytes: 4 * 1024))
        {
            for (var round = 0; round < 20; round++)
            {
                all.AddRange(TempJournal.AppendMany(store, 23, all.Count + 1));
                while (store.Read(read.Count == 0 ? 0 : read[^1].Sequence, store.LastSequence, 7, read) > 0)
                {
                }
            }

            Assert.True(store.SegmentCount > 10);
            store.Commit(200);
        }

        using var reopened = dir.Open(segmentBytes: 4 * 1024);
        all.AddRange(TempJournal.AppendMany(reopened, 100, all.Count + 1));
        var replayed = TempJournal.ReadAll(reopened);

        Assert.Equal(all.Take(460).Select(o => o.OperationId), read.Select(r => r.Operation.OperationId));
        Assert.Equal(Enumerable.Range(201, 360).Select(i => (long)i), replayed.Select(r => r.Sequence));
        Assert.Equal(all.Skip(200).Select(o => o.OperationId), replayed.Select(r => r.Operation.OperationId));
    }

    [Fact]
    public void Read_AfterAnEarlierSequenceThanTheCursor_RereadsFromThere()
    {
        using var dir = new TempJournal();
        using var store = dir.Open(segmentBytes: 4 * 1024);
        TempJournal.AppendMany(store, 100);
        TempJournal.ReadAll(store);

        // The writer retries a batch the sink refused: the cursor moves back.
        var again = TempJournal.ReadAll(store, after: 40);

        Assert.Equal(Enumerable.Range(41, 60).Select(i => (long)i), again.Select(r => r.Sequence));
    }

    [Fact]
    public void Commit_BeforeTheIntervalOnTheClock_StaysInMemoryUntilItElapses()
    {
        using var dir = new TempJournal();
        var time = new FakeTimeProvider(TestClock.Start);
        using var store = dir.Open(time: time);
        TempJournal.AppendMany(store, 50);

        store.Commit(10);
        Assert.Equal(10, store.CommittedSequence);
        Assert.Equal(0, store.CheckpointedSequence);
        Assert.Equal(0, Checkpoint.Read(dir.Path));

        time.Advance(TimeSpan.FromSeconds(1));
        store.Commit(20);

        Assert.Equal(20, store.CheckpointedSequence);
        Assert.Equal(20, Checkpoint.Read(dir.Path));
    }

    [Fact]
    public void Commit_AWholeSegmentCommitted_CheckpointsAndDeletesItAtOnce()
    {
        using var dir = new TempJournal();
        using var store = dir.Open(segmentBytes: 4 * 1024);
        TempJournal.AppendMany(store, 100);
        var first = dir.Segments()[0];
        var second = dir.Segments()[1];

        store.Commit(second.FirstSequence - 2);
        Assert.True(File.Exists(first.Path));

        store.Commit(second.FirstSequence - 1);

        Assert.Equal(second.FirstSequence - 1, Checkpoint.Read(dir.Path));
        Assert.False(File.Exists(first.Path));
        Assert.Equal(JournalInspector.Inspect(dir.Path).Bytes, store.TotalBytes);
    }

    [Fact]
    public void Dispose_CleanClose_WritesTheCheckpointAndTrimsEverySegmentToItsRecords()
    {
        using var dir = new TempJournal();
        using (var store = dir.Open(segmentBytes: 64 * 1024))
        {
            TempJournal.AppendMany(store, 50);
            store.Commit(20);
            Assert.Equal(64 * 1024, new FileInfo(dir.Segments()[0].Path).Length);
        }

        Assert.Equal(20, Checkpoint.Read(dir.Path));
        Assert.Empty(Directory.GetFiles(dir.Path, "*" + JournalFiles.SpareExtension));
        var segment = SegmentScan.Read(dir.Segments()[0].Path);
        Assert.Equal(50, segment.Records.Count);
        Assert.Equal(0, segment.TailLength);
    }
}
