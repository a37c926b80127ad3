using Microsoft.Extensions.Logging;
using SafeCallLogger.Diagnostics;
using SafeCallLogger.Internal;
using SafeCallLogger.Journal;
using SafeCallLogger.Queue;

namespace SafeCallLogger.Writing;

/// <summary>
/// The single consumer of the queue and the journal: fills a batch from the <see cref="OrderedFeed"/>, hands it to the
/// <see cref="BatchWriter"/> until it is settled, commits its journal records, then advances the
/// <see cref="SettledWatermark"/>. In spill mode it also decides when new operations go through memory again (callers,
/// and a failing write, decide when they go to the journal). Ends when the queue is closed and empty and the journal delivered, on a hard stop
/// (keeping what is left in the journal when it can, counting the rest as abandoned), or on a bug (closing the queue
/// first, so nothing more is promised).
/// </summary>
internal sealed class WriteLoop(
    OperationQueue queue,
    OrderedFeed feed,
    BatchWriter writer,
    QueuePressure pressure,
    Circuit circuit,
    SettledWatermark watermark,
    CallLoggerOptions options,
    LoggerCounters counters,
    ILogger logger,
    TimeProvider time)
{
    private readonly Batch _batch = new(Math.Min(options.MaxBatchSize, 4096));
    private readonly JournalIntake? _intake = queue.Intake;
    private Func<List<CallOperation>, int>? _topUp;
    private long _settled;

    public async Task RunAsync(CancellationToken hardStop)
    {
        try
        {
            while (await WaitForWorkAsync(hardStop).ConfigureAwait(false))
            {
                if (options.MaxBatchDelay > TimeSpan.Zero)
                {
                    await Task.Delay(options.MaxBatchDelay, time, hardStop).ConfigureAwait(false);
                }

                feed.NewBatch();
                feed.Fill(_batch.Items, options.MaxBatchSize);
                pressure.OnBatchTaken();
                queue.RearmRefusalLog(circuit.State);
                if (_batch.Count > 0)
                {
                    // One delegate for the logger's life: a method group would allocate one per batch.
                    await writer.WriteAsync(_batch, _topUp ??= TopUp, hardStop).ConfigureAwait(false);
                }

                Settled();
            }
        }
        catch (OperationCanceledException) when (hardStop.IsCancellationRequested)
        {
            Abandon();
        }
#pragma warning disable CA1031 // The writer must end cleanly whatever happens; the failure is logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // Only a bug can bring us here. Stop accepting first, so nothing more is promised, then account for what is left.
            queue.Close();
            Abandon();
            Volatile.Write(ref counters.LastError, $"Writer stopped: {ex.GetType().Name}: {ex.Message}");
            Log.WriterCrashed(logger, ex);
        }
        finally
        {
            writer.Dispose();
            CloseJournal();
            watermark.Wake();
        }
    }

    /// <summary>Whether there is something to deliver, waiting for it; <see langword="false"/> once the queue is closed and empty and the journal delivered.</summary>
    private async ValueTask<bool> WaitForWorkAsync(CancellationToken hardStop)
    {
        // The journal needs no wake-up of its own: a record that finds the queue full is followed by a marker, or by
        // the slots that filled it, and each is read after the record was published.
        if (feed.JournalBehind)
        {
            return true;
        }

        return await queue.WaitToReadAsync(hardStop).ConfigureAwait(false) || feed.JournalBehind;
    }

    private int TopUp(List<CallOperation> into) => feed.Fill(into, options.MaxBatchSize);

    /// <summary>The batch is settled: commit its records, advance the watermark, and in spill mode go back to memory once caught up.</summary>
    private void Settled()
    {
        if (feed.BatchSequence > 0)
        {
            _intake?.Journal.Commit(feed.BatchSequence);
        }

        _settled += feed.BatchAccepted;
        Interlocked.Add(ref counters.EarlierRunSettled, feed.BatchEarlierRun);

        // Counted: a hard stop before the next batch is taken must not count this one's again.
        feed.NewBatch();
        watermark.Advance(_settled + Interlocked.Read(ref counters.DroppedOverwritten));
        if (_intake is not null && circuit.State == CallLoggerState.Running && counters.QueueDepth < queue.SpillDepth / 2)
        {
            _intake.DisengageIfCaughtUp(feed.Delivered);
        }
    }

    /// <summary>
    /// At a hard stop: what only memory holds (the batch's, the held slot's and the queue's) goes to the journal when
    /// there is one, for the next start to replay; what cannot is counted as abandoned. Journaled operations are
    /// already there.
    /// </summary>
    private void Abandon()
    {
        writer.GiveUpDeadLetters();

        // The batch never reached Settled(): those of its earlier run's operations already written or set aside are in
        // Written or Quarantined, and unless they leave this run's count there they stand for this run's own
        // operations still unsettled (a hard stop would report them settled while they wait in the journal).
        Interlocked.Add(ref counters.EarlierRunSettled, feed.EarlierRunSettledIn(_batch.Items));
        long abandoned = 0;
        foreach (var operation in _batch.Items)
        {
            if (feed.IsMemoryOnly(operation))
            {
                abandoned += Keep(operation);
            }
        }

        foreach (var operation in feed.HeldMemoryOperations())
        {
            abandoned += Keep(operation);
        }

        while (feed.TryTakeLeft(out var slot))
        {
            if (slot.Kind == QueuedKind.Memory)
            {
                abandoned += Keep(slot.Operation);
            }
        }

        _batch.Items.Clear();
        if (abandoned > 0)
        {
            Interlocked.Add(ref counters.Abandoned, abandoned);
            Log.Abandoned(logger, abandoned);
        }

        watermark.Advance(_settled + Interlocked.Read(ref counters.DroppedOverwritten));
    }

    /// <summary>Appends a memory-only operation to the journal; returns 1 when it could not be kept.</summary>
    private int Keep(in CallOperation operation) =>
        _intake is not null && _intake.Journal.TryAppend(operation, out _) == JournalAppendResult.Appended ? 0 : 1;

    private void CloseJournal()
    {
        if (_intake is null)
        {
            return;
        }

        var left = counters.Accepted - counters.Settled;
        if (left > 0)
        {
            Interlocked.Exchange(ref counters.LeftInJournal, left);
            JournalLog.LeftInJournal(logger, left, _intake.Directory);
        }

        _intake.CloseJournal();
    }
}
