using Microsoft.Extensions.Logging;
using SafeCallLogger.Diagnostics;
using SafeCallLogger.Internal;
using SafeCallLogger.Queue;

namespace SafeCallLogger.Writing;

/// <summary>
/// The single consumer of the queue: takes a batch, hands it to the <see cref="BatchWriter"/> until it is settled,
/// then advances the <see cref="SettledWatermark"/>. Draining the queue and delivering to the sink are apart, so a
/// journal can slot in between. Ends when the queue is closed and empty, on a hard stop (counting what is left as
/// abandoned), or on a bug (closing the queue first, so nothing more is promised).
/// </summary>
internal sealed class WriteLoop(
    OperationQueue queue,
    BatchWriter writer,
    QueuePressure pressure,
    Circuit circuit,
    SettledWatermark watermark,
    CallLoggerOptions options,
    LoggerCounters counters,
    ILogger logger,
    TimeProvider time)
{
    private readonly OperationIds _ids = new();
    private readonly Batch _batch = new(Math.Min(options.MaxBatchSize, 4096));
    private Func<List<CallOperation>, int>? _topUp;

    public async Task RunAsync(CancellationToken hardStop)
    {
        try
        {
            while (await queue.WaitToReadAsync(hardStop).ConfigureAwait(false))
            {
                if (options.MaxBatchDelay > TimeSpan.Zero)
                {
                    await Task.Delay(options.MaxBatchDelay, time, hardStop).ConfigureAwait(false);
                }

                queue.Take(_batch.Items, options.MaxBatchSize, _ids);
                pressure.OnBatchTaken();
                queue.RearmRefusalLog(circuit.State);
                // One delegate for the logger's life: a method group would allocate one per batch.
                await writer.WriteAsync(_batch, _topUp ??= TopUp, hardStop).ConfigureAwait(false);
                watermark.Advance(LeftTheQueue());
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
            watermark.Wake();
        }
    }

    private int TopUp(List<CallOperation> into) => queue.Take(into, options.MaxBatchSize, _ids);

    private void Abandon()
    {
        writer.GiveUpDeadLetters();
        long abandoned = _batch.Count + queue.Drain();
        _batch.Items.Clear();
        if (abandoned > 0)
        {
            Interlocked.Add(ref counters.Abandoned, abandoned);
            Log.Abandoned(logger, abandoned);
        }

        watermark.Advance(LeftTheQueue());
    }

    /// <summary>
    /// How many operations left the queue, taken or overwritten: the queue is FIFO and overwriting drops its oldest,
    /// so they are the first that many positions. Read once the writer settled everything it took, that whole prefix
    /// is settled. Overwrites are counted here, at the writer's pace, and never by a flush: added on the flush side
    /// they would also count calls accepted after it and settle an earlier one still being written.
    /// </summary>
    private long LeftTheQueue() => Interlocked.Read(ref counters.Dequeued) + Interlocked.Read(ref counters.DroppedOverwritten);
}
