using Microsoft.Extensions.Time.Testing;
using System.Collections.Concurrent;
using System.Reflection;
using SafeCallLogger.Journal;

namespace SafeCallLogger.Tests.Journal;

/// <summary>Review 9: the store under appends from many threads racing the writer's reads and commits, and its disposal.</summary>
public sealed class JournalStoreRaceTests
{
    /// <summary>
    /// An appender's poke takes the continuous syncer's sleeping flag, then is preempted before it releases the
    /// semaphore; the store is disposed meanwhile (the syncer's thread woken by the dispose itself, joined, the
    /// semaphore disposed). The late release threw <see cref="ObjectDisposedException"/> out of TryAppend, after the
    /// record was appended: the caller was told Rejected (UnreadableInput) for a call that is in the journal, and
    /// Accepted stayed counted for it. The flag is set by hand here: that is the state the preempted poke resumes in.
    /// </summary>
    [Fact]
    public void Poke_ByAnAppenderThatTookTheSleepingFlagBeforeDispose_DoesNotThrow()
    {
        var syncer = new JournalSyncer(TimeSpan.Zero, () => { }, () => false, TimeProvider.System);
        syncer.Dispose();
        typeof(JournalSyncer).GetField("_sleeping", BindingFlags.Instance | BindingFlags.NonPublic)!.SetValue(syncer, 1);

        var error = Record.Exception(syncer.Poke);

        Assert.Null(error);
    }

    /// <summary>
    /// The cursor at the end of the active segment found nothing, saw it unsealed, then read the seal again to decide
    /// whether to move on: an appender that published the segment's last records and rolled in between made it move
    /// to the next segment without looking at them. Those records were never returned (the writer's delivered mark
    /// went past them, its commit and the checkpoint after it deleted them): lost. Tiny segments make a roll every
    /// few records, so the two appenders race the reader's look at a segment's end thousands of times.
    /// </summary>
    [Fact]
    public void Read_WhileAppendsSealTheSegmentItIsAtTheEndOf_ReturnsEverySequenceInOrder()
    {
        using var dir = new TempJournal();
        using var store = dir.Open(segmentBytes: 1024);
        const int total = 50_000;
        var stop = 0;
        var appenders = Enumerable.Range(0, 2).Select(t => new Thread(() =>
        {
            for (var i = 0; Volatile.Read(ref stop) == 0 && store.LastSequence < total; i++)
            {
                store.TryAppend(TempJournal.Operation(i), out _);
            }
        })).ToList();
        appenders.ForEach(a => a.Start());

        var records = new List<JournalRecord>();
        long delivered = 0;
        long gapAfter = -1, gapAt = -1;
        while (delivered < total && gapAt < 0)
        {
            records.Clear();
            store.Read(delivered, store.LastSequence, 256, records);
            foreach (var record in records)
            {
                if (record.Sequence != delivered + 1)
                {
                    (gapAfter, gapAt) = (delivered, record.Sequence);
                    break;
                }

                delivered = record.Sequence;
            }
        }

        Volatile.Write(ref stop, 1);
        appenders.ForEach(a => a.Join());
        Assert.True(gapAt < 0, $"after {gapAfter} the cursor returned {gapAt}: {gapAt - gapAfter - 1} records skipped");
    }

    /// <summary>
    /// The writer reads back only the records that have no copy coming; the ones between are delivered by their
    /// copies, so its next read starts past where the cursor stopped. The cursor took any such start for a jump and
    /// repositioned: back to the start of the segment, copying and checking every byte up to there again. Records
    /// that found the queue full, interleaved with copies, cost a scan of the segment each: quadratic in a burst.
    /// </summary>
    [Fact]
    public void Read_StartingPastWhereTheLastReadStoppedInTheSameSegment_ReadsOnFromThereWithoutRescanning()
    {
        using var dir = new TempJournal();
        using var store = dir.Open(segmentBytes: 1 << 20);
        TempJournal.AppendMany(store, 2_000);
        var used = store.TotalBytes;

        // Every other record read back, the one after it delivered by its copy.
        var records = new List<JournalRecord>();
        for (long after = 0; after < 2_000; after += 2)
        {
            records.Clear();
            Assert.Equal(1, store.Read(after, after + 1, 256, records));
            Assert.Equal(after + 1, records[0].Sequence);
        }

        Assert.True(store.ReadBytes <= 2 * used, $"{store.ReadBytes:N0} bytes copied to read {used:N0}");
    }

    /// <summary>
    /// Claim 6 as an invariant: appenders on three threads, the writer reading and committing (rolling and deleting
    /// segments as it goes), then the store disposed under the appenders. Nothing throws, an append after the dispose
    /// fails cleanly, every sequence is given once, the reader sees them in order, and a reopen holds exactly the
    /// appended records after the checkpoint.
    /// </summary>
    [Fact]
    public void TryAppend_RacingReadCommitAndDispose_NeverThrowsAndKeepsEveryAppendedRecordOnce()
    {
        for (var round = 0; round < 5; round++)
        {
            using var dir = new TempJournal();
            var store = dir.Open(segmentBytes: 16 * 1024, sync: TimeSpan.Zero);
            var appended = new ConcurrentDictionary<long, CallOperation>();
            var errors = new ConcurrentQueue<string>();
            var disposed = 0;
            using var start = new Barrier(4);
            var appenders = Enumerable.Range(0, 3).Select(t => new Thread(() =>
            {
                start.SignalAndWait();
                var failedAfterDispose = 0;
                for (var i = 0; failedAfterDispose < 50; i++)
                {
                    try
                    {
                        var operation = TempJournal.Operation((t * 1_000_000) + i);
                        var result = store.TryAppend(operation, out var sequence);
                        if (result == JournalAppendResult.Appended)
                        {
                            if (!appended.TryAdd(sequence, operation))
                            {
                                errors.Enqueue($"sequence {sequence} given twice");
                            }
                        }
                        else if (Volatile.Read(ref disposed) == 1 && result == JournalAppendResult.Failed)
                        {
                            failedAfterDispose++;
                        }
                        else
                        {
                            errors.Enqueue($"{result} before the dispose: {store.LastError}");
                        }
                    }
#pragma warning disable CA1031 // The test's point: anything thrown out of TryAppend is the failure it reports.
                    catch (Exception ex)
#pragma warning restore CA1031
                    {
                        errors.Enqueue($"TryAppend threw {ex.GetType().Name}: {ex.Message}");
                        return;
                    }
                }
            })).ToList();
            appenders.ForEach(a => a.Start());
            start.SignalAndWait();

            // The writer: reads what is there, in order, and commits it, until enough has gone through.
            var records = new List<JournalRecord>();
            long delivered = 0;
            while (delivered < 2_000)
            {
                records.Clear();
                store.Read(delivered, store.LastSequence, 256, records);
                foreach (var record in records)
                {
                    Assert.Equal(delivered + 1, record.Sequence);
                    delivered = record.Sequence;
                }

                store.Commit(delivered);
            }

            Volatile.Write(ref disposed, 1);
            store.Dispose();
            appenders.ForEach(a => a.Join());

            Assert.Empty(errors);
            Assert.Equal(Enumerable.Range(1, appended.Count).Select(i => (long)i), appended.Keys.Order());
            using var reopened = JournalStore.Open(dir.Path, TempJournal.Settings(segmentBytes: 16 * 1024), new FakeTimeProvider(TestClock.Start));
            Assert.Equal(delivered, reopened.CommittedSequence);
            var left = TempJournal.ReadAll(reopened);
            Assert.Equal(appended.Keys.Where(s => s > delivered).Order(), left.Select(r => r.Sequence));
            Assert.All(left, r => Assert.Equal(appended[r.Sequence], r.Operation));
        }
    }
}
