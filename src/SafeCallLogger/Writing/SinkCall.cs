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
/// except <see cref="OperationCanceledException"/> on the hard stop. The sink watches one token source, reused from
/// call to call (no allocation per batch) and made anew only after its timer fired. The hard stop reaches it through
/// one registration on the hard stop's own token, made once: resetting the reused source removes every registration
/// on its token, so a link from the hard stop to it (a linked source) would not survive the first reset.
/// </summary>
internal sealed class SinkCall(ICallSink sink, TimeSpan writeTimeout, TimeProvider time) : IDisposable
{
    private static readonly SinkCallOutcome Written = new(SinkCallResult.Written, null, Guid.Empty, StillRunning: false);
    private readonly List<Task> _abandoned = [];
    private CancellationTokenSource? _current;
    private CancellationTokenRegistration _hardStopLink;
    private bool _linked;

    /// <summary>Completes once every sink call abandoned while it still ran (timed out, or cut by the hard stop) has ended.</summary>
    public Task Abandoned
    {
        get
        {
            lock (_abandoned)
            {
                _abandoned.RemoveAll(t => t.IsCompleted);
                return Task.WhenAll(_abandoned);
            }
        }
    }

    public ValueTask<SinkCallOutcome> WriteAsync(IReadOnlyList<CallOperation> operations, CancellationToken hardStop)
    {
        var token = Arm(hardStop);
        ValueTask pending;
        try
        {
            pending = sink.WriteAsync(operations, token);
        }
#pragma warning disable CA1031 // A sink that throws before returning its task is a failed write like any other.
        catch (Exception ex) when (!hardStop.IsCancellationRequested)
#pragma warning restore CA1031
        {
            return new ValueTask<SinkCallOutcome>(Disarm(Failed(ex, operations, stillRunning: false)));
        }

        return Completed(pending, operations, hardStop);
    }

    /// <remarks>
    /// The letters' operations are what an <see cref="UnstorableOperationException"/> may name: a store that refuses a
    /// letter itself gets <see cref="SinkCallResult.Unstorable"/>, not an outage retried forever in front of every call.
    /// </remarks>
    public ValueTask<SinkCallOutcome> WriteDeadLettersAsync(IDeadLetterSink letters, IReadOnlyList<DeadLetter> batch, CancellationToken hardStop)
    {
        var operations = batch.Select(static l => l.Operation).ToArray();
        var token = Arm(hardStop);
        ValueTask pending;
        try
        {
            pending = letters.WriteDeadLettersAsync(batch, token);
        }
#pragma warning disable CA1031 // As in WriteAsync.
        catch (Exception ex) when (!hardStop.IsCancellationRequested)
#pragma warning restore CA1031
        {
            return new ValueTask<SinkCallOutcome>(Disarm(Failed(ex, operations, stillRunning: false)));
        }

        return Completed(pending, operations, hardStop);
    }

    public ValueTask<SinkCallOutcome> ProbeAsync(ICallSinkProbe probe, CancellationToken hardStop)
    {
        var token = Arm(hardStop);
        ValueTask pending;
        try
        {
            pending = probe.ProbeAsync(token);
        }
#pragma warning disable CA1031 // As in WriteAsync.
        catch (Exception ex) when (!hardStop.IsCancellationRequested)
#pragma warning restore CA1031
        {
            return new ValueTask<SinkCallOutcome>(Disarm(Failed(ex, null, stillRunning: false)));
        }

        return Completed(pending, null, hardStop);
    }

    public void Dispose()
    {
        _hardStopLink.Dispose();
        _current?.Dispose();
    }

    /// <summary>The outcome of a started call; no allocation when the sink finished synchronously (the healthy path).</summary>
    private ValueTask<SinkCallOutcome> Completed(ValueTask pending, IReadOnlyList<CallOperation>? batch, CancellationToken hardStop)
    {
        if (pending.IsCompletedSuccessfully)
        {
            pending.GetAwaiter().GetResult();
            return new ValueTask<SinkCallOutcome>(Disarm(Written));
        }

        return AwaitAsync(pending, batch, _current!, hardStop);
    }

    private async ValueTask<SinkCallOutcome> AwaitAsync(ValueTask pending, IReadOnlyList<CallOperation>? batch, CancellationTokenSource source, CancellationToken hardStop)
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
                await running.WaitAsync(source.Token).ConfigureAwait(false);
            }

            return Disarm(Written);
        }
        catch (OperationCanceledException) when (hardStop.IsCancellationRequested)
        {
            KeepIfRunning(running);
            throw;
        }
#pragma warning disable CA1031 // Any sink failure is an outcome to act on, never a crash of the writer.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            KeepIfRunning(running);
            return Disarm(Failed(ex, batch, stillRunning: running is { IsCompleted: false }));
        }
    }

    /// <summary>Disarms the timer between calls; a source that fired is replaced by the next <see cref="Arm"/>.</summary>
    private SinkCallOutcome Disarm(SinkCallOutcome outcome)
    {
        _current?.TryReset();
        return outcome;
    }

    private void KeepIfRunning(Task? running)
    {
        if (running is { IsCompleted: false })
        {
            lock (_abandoned)
            {
                _abandoned.RemoveAll(t => t.IsCompleted);
                _abandoned.Add(running);
            }
        }
    }

    private SinkCallOutcome Failed(Exception ex, IReadOnlyList<CallOperation>? batch, bool stillRunning) => ex switch
    {
        UnstorableOperationException u when batch is not null && u.OperationId != Guid.Empty && Contains(batch, u.OperationId) =>
            new SinkCallOutcome(SinkCallResult.Unstorable, u, u.OperationId, stillRunning),
        StorageReplacedException => new SinkCallOutcome(SinkCallResult.StorageReplaced, ex, Guid.Empty, stillRunning),
        OperationCanceledException when _current is { IsCancellationRequested: true } =>
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

    /// <summary>The token for the next call: the reused source, its timer armed, cancelled by the hard stop too.</summary>
    private CancellationToken Arm(CancellationToken hardStop)
    {
        if (_current is null || !_current.TryReset())
        {
            // A source whose timer fired, or that the hard stop cancelled, cannot be reused: a call abandoned on it
            // may still watch its token, so it is left to that call rather than disposed.
            Volatile.Write(ref _current, new CancellationTokenSource(Timeout.InfiniteTimeSpan, time));
        }

        // A new source made after the hard stop fired would not hear it: cancel it here.
        if (hardStop.IsCancellationRequested)
        {
            _current.Cancel();
        }

        if (!_linked)
        {
            _linked = true;
            _hardStopLink = hardStop.UnsafeRegister(static state => ((SinkCall)state!).CancelCurrent(), this);
        }

        _current.CancelAfter(writeTimeout);
        return _current.Token;
    }

    private void CancelCurrent()
    {
        try
        {
            Volatile.Read(ref _current)?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The writer ended and disposed it: nothing is running on it any more.
        }
    }
}
