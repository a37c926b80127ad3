using Microsoft.Extensions.Logging;
using SafeCallLogger.Alerts;
using SafeCallLogger.Diagnostics;
using SafeCallLogger.Internal;
using SafeCallLogger.Queue;

namespace SafeCallLogger.Writing;

/// <summary>
/// Stopping and disposing the logger: one stop task and one disposal, whoever asks first (a second caller, the
/// container disposing twice, a writer that crashed) gets the same task. Stop closes the queue, lets the writer finish
/// within the timeout, cancels it past that (giving a synchronously blocked sink a short grace), raises
/// <see cref="CallLoggerAlertKind.AcceptedLost"/> when accepted operations were given up, lets the alerts and the log
/// lines out, then reports. Disposal disposes an owned sink once, and only after the writer has ended.
/// </summary>
internal sealed class Shutdown(
    OperationQueue queue,
    Task writerTask,
    BatchWriter writer,
    CancellationTokenSource hardStop,
    AlertDispatcher alerts,
    LogPump logPump,
    LoggerCounters counters,
    CallLoggerMetrics metrics,
    ICallSink? ownedSink,
    TimeSpan shutdownTimeout,
    TimeProvider time,
    ILogger logger,
    Func<CallLoggerHealth> health)
{
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LogDrainBudget = TimeSpan.FromSeconds(1);
    private Task<FlushResult>? _stopTask;
    private Task? _disposeTask;

    public Task<FlushResult> StopAsync(TimeSpan timeout)
    {
        if (Volatile.Read(ref _stopTask) is { } running)
        {
            return running;
        }

        var mine = new TaskCompletionSource<FlushResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (Interlocked.CompareExchange(ref _stopTask, mine.Task, null) is { } first)
        {
            return first;
        }

        _ = RunStopAsync(mine, timeout);
        return mine.Task;
    }

    public ValueTask DisposeAsync()
    {
        if (Volatile.Read(ref _disposeTask) is not { } task)
        {
            var mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            task = Interlocked.CompareExchange(ref _disposeTask, mine.Task, null) ?? mine.Task;
            if (task == mine.Task)
            {
                _ = RunDisposeAsync(mine);
            }
        }

        return new ValueTask(task);
    }

    private async Task RunStopAsync(TaskCompletionSource<FlushResult> result, TimeSpan timeout)
    {
        try
        {
            await StopCoreAsync(Timeouts.ClampForTimer(timeout)).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Stopping never throws; what is unwritten is counted and logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.WriterCrashed(logger, ex);
        }

        var snapshot = counters.ToFlushResult(completed: false);
        result.TrySetResult(snapshot with { Completed = writerTask.IsCompleted && snapshot.Pending == 0 });
    }

    private async Task StopCoreAsync(TimeSpan timeout)
    {
        var started = time.GetTimestamp();
        queue.Close();
        try
        {
            await writerTask.WaitAsync(timeout, time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await hardStop.CancelAsync().ConfigureAwait(false);
            try
            {
                // A sink blocked synchronously cannot see the cancellation; do not let it hold shutdown forever.
                await writerTask.WaitAsync(ShutdownGrace, time).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
            }
        }

        var lost = counters.LostAfterAcceptance;
        if (Interlocked.Read(ref counters.Abandoned) > 0 || !writerTask.IsCompleted)
        {
            alerts.Raise(CallLoggerAlertKind.AcceptedLost, CallLoggerAlertSeverity.Critical, health, alwaysSend: true);
        }

        var left = timeout == Timeout.InfiniteTimeSpan ? TimeSpan.FromSeconds(10) : timeout - time.GetElapsedTime(started);
        await alerts.StopAsync(left > TimeSpan.FromSeconds(1) ? Timeouts.ClampForTimer(left) : TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        Log.Stopped(logger, Interlocked.Read(ref counters.Written), lost, counters.NotAccepted);
        await logPump.WhenIdleAsync(LogDrainBudget).ConfigureAwait(false);
    }

    private async Task RunDisposeAsync(TaskCompletionSource done)
    {
        await StopAsync(shutdownTimeout).ConfigureAwait(false);
        metrics.Dispose();

        // Only once the writer and every write it abandoned have ended: a sink disposed under a live write would fail it.
        var abandoned = writer.AbandonedWrites;
        if (ownedSink is not null && writerTask.IsCompleted && !abandoned.IsCompleted)
        {
            await Task.WhenAny(abandoned, Task.Delay(ShutdownGrace, time)).ConfigureAwait(false);
        }

        if (ownedSink is not null && writerTask.IsCompleted && abandoned.IsCompleted)
        {
            try
            {
                switch (ownedSink)
                {
                    case IAsyncDisposable asyncDisposable:
                        await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                        break;
                    case IDisposable disposable:
                        disposable.Dispose();
                        break;
                    default:
                        break;
                }
            }
#pragma warning disable CA1031 // Disposal never throws; a sink that fails to close is only logged.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.WriterCrashed(logger, ex);
            }
        }

        if (writerTask.IsCompleted)
        {
            hardStop.Dispose();
        }

        done.TrySetResult();
    }
}
