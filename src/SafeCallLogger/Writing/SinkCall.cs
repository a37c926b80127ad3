namespace SafeCallLogger.Writing;

/// <summary>How one sink call ended.</summary>
internal enum SinkCallResult
{
    /// <summary>The batch is stored.</summary>
    Written,

    /// <summary>Storage failed (threw or timed out): an outage, retried with backoff.</summary>
    StorageFailed,

    /// <summary>The sink named one operation it can never store (<see cref="UnstorableOperationException"/>).</summary>
    Unstorable,

    /// <summary>The sink found its storage replaced and switched (<see cref="StorageReplacedException"/>): write again at once.</summary>
    StorageReplaced,
}

/// <summary>The outcome of one sink call.</summary>
/// <param name="Result">How it ended.</param>
/// <param name="Error">The failure, for every result but <see cref="SinkCallResult.Written"/>.</param>
/// <param name="UnstorableId">The operation the sink refused, for <see cref="SinkCallResult.Unstorable"/>.</param>
/// <param name="StillRunning">
/// The sink did not finish in time and was abandoned while it may still read the batch: the caller must not reuse
/// the list it passed.
/// </param>
internal readonly record struct SinkCallOutcome(SinkCallResult Result, Exception? Error, Guid UnstorableId, bool StillRunning);

/// <summary>
/// Calls the sink once, bounded by <see cref="CallLoggerOptions.WriteTimeout"/>, and tells what happened; never throws
/// except <see cref="OperationCanceledException"/> on the hard stop. The timeout's token sources are reused from call
/// to call (two allocations and a timer fewer per batch) and made anew only after a timeout fired.
/// </summary>
internal sealed class SinkCall(ICallSink sink, TimeSpan writeTimeout, TimeProvider time) : IDisposable
{
    private CancellationTokenSource? _timeout;
    private CancellationTokenSource? _linked;

    public ValueTask<SinkCallOutcome> WriteAsync(IReadOnlyList<CallOperation> operations, CancellationToken hardStop)
    {
        var (timeout, linked) = Arm(hardStop);
        ValueTask pending;
        try
        {
            pending = sink.WriteAsync(operations, linked.Token);
        }
#pragma warning disable CA1031 // A sink that throws before returning its task is a failed write like any other.
        catch (Exception ex) when (!(ex is OperationCanceledException && hardStop.IsCancellationRequested))
#pragma warning restore CA1031
        {
            timeout.TryReset();
            return new ValueTask<SinkCallOutcome>(Failed(ex, operations, timeout, stillRunning: false));
        }

        return Completed(pending, operations, timeout, linked, hardStop);
    }

    public ValueTask<SinkCallOutcome> WriteDeadLettersAsync(IDeadLetterSink letters, IReadOnlyList<DeadLetter> batch, CancellationToken hardStop)
    {
        var (timeout, linked) = Arm(hardStop);
        ValueTask pending;
        try
        {
            pending = letters.WriteDeadLettersAsync(batch, linked.Token);
        }
#pragma warning disable CA1031 // As in WriteAsync.
        catch (Exception ex) when (!(ex is OperationCanceledException && hardStop.IsCancellationRequested))
#pragma warning restore CA1031
        {
            timeout.TryReset();
            return new ValueTask<SinkCallOutcome>(Failed(ex, null, timeout, stillRunning: false));
        }

        return Completed(pending, null, timeout, linked, hardStop);
    }

    public ValueTask<SinkCallOutcome> ProbeAsync(ICallSinkProbe probe, CancellationToken hardStop)
    {
        var (timeout, linked) = Arm(hardStop);
        ValueTask pending;
        try
        {
            pending = probe.ProbeAsync(linked.Token);
        }
#pragma warning disable CA1031 // As in WriteAsync.
        catch (Exception ex) when (!(ex is OperationCanceledException && hardStop.IsCancellationRequested))
#pragma warning restore CA1031
        {
            timeout.TryReset();
            return new ValueTask<SinkCallOutcome>(Failed(ex, null, timeout, stillRunning: false));
        }

        return Completed(pending, null, timeout, linked, hardStop);
    }

    public void Dispose()
    {
        _linked?.Dispose();
        _timeout?.Dispose();
    }

    /// <summary>The outcome of a started call; no allocation when the sink finished synchronously (the healthy path).</summary>
    private ValueTask<SinkCallOutcome> Completed(
        ValueTask pending, IReadOnlyList<CallOperation>? batch, CancellationTokenSource timeout, CancellationTokenSource linked, CancellationToken hardStop)
    {
        if (pending.IsCompletedSuccessfully)
        {
            pending.GetAwaiter().GetResult();
            timeout.TryReset();
            return new ValueTask<SinkCallOutcome>(Written);
        }

        return AwaitAsync(pending, batch, timeout, linked, hardStop);
    }

    private async ValueTask<SinkCallOutcome> AwaitAsync(
        ValueTask pending, IReadOnlyList<CallOperation>? batch, CancellationTokenSource timeout, CancellationTokenSource linked, CancellationToken hardStop)
    {
        Task? running = null;
        try
        {
            if (pending.IsCompleted)
            {
                await pending.ConfigureAwait(false);
            }
            else
            {
                // WaitAsync: a sink that ignores its token is abandoned rather than allowed to stall the writer.
                running = pending.AsTask();
                await running.WaitAsync(linked.Token).ConfigureAwait(false);
            }

            return Written;
        }
        catch (OperationCanceledException) when (hardStop.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any sink failure is an outcome to act on, never a crash of the writer.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Failed(ex, batch, timeout, stillRunning: running is { IsCompleted: false });
        }
        finally
        {
            // Disarm the timer between calls; a source that did fire is replaced by the next Arm.
            timeout.TryReset();
        }
    }

    private static readonly SinkCallOutcome Written = new(SinkCallResult.Written, null, Guid.Empty, StillRunning: false);

    private SinkCallOutcome Failed(Exception ex, IReadOnlyList<CallOperation>? batch, CancellationTokenSource timeout, bool stillRunning) => ex switch
    {
        UnstorableOperationException u when batch is not null && u.OperationId != Guid.Empty && Contains(batch, u.OperationId) =>
            new SinkCallOutcome(SinkCallResult.Unstorable, u, u.OperationId, stillRunning),
        StorageReplacedException => new SinkCallOutcome(SinkCallResult.StorageReplaced, ex, Guid.Empty, stillRunning),
        OperationCanceledException when timeout.IsCancellationRequested =>
            new SinkCallOutcome(SinkCallResult.StorageFailed, new TimeoutException($"The sink did not finish within {writeTimeout}.", ex), Guid.Empty, stillRunning),
        _ => new SinkCallOutcome(SinkCallResult.StorageFailed, ex, Guid.Empty, stillRunning),
    };

    private static bool Contains(IReadOnlyList<CallOperation> batch, Guid operationId)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch[i].OperationId == operationId)
            {
                return true;
            }
        }

        return false;
    }

    private (CancellationTokenSource Timeout, CancellationTokenSource Linked) Arm(CancellationToken hardStop)
    {
        if (_timeout is null || _linked is null || !_timeout.TryReset() || _linked.IsCancellationRequested)
        {
            _linked?.Dispose();
            _timeout?.Dispose();
            _timeout = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
            _linked = CancellationTokenSource.CreateLinkedTokenSource(_timeout.Token, hardStop);
        }

        _timeout.CancelAfter(writeTimeout);
        return (_timeout, _linked);
    }
}
