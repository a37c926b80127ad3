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
/// except <see cref="OperationCanceledException"/> on the hard stop. The timeout's source is reused from call to call
/// (an allocation and a timer fewer per batch) and made anew only after it fired; the source linking it to the hard
/// stop is made for each call, because resetting the timeout's source removes every registration on its token,
/// the link included.
/// </summary>
internal sealed class SinkCall(ICallSink sink, TimeSpan writeTimeout, TimeProvider time) : IDisposable
{
    private readonly List<Task> _abandoned = [];
    private CancellationTokenSource? _timeout;

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

    public Task<SinkCallOutcome> WriteAsync(IReadOnlyList<CallOperation> operations, CancellationToken hardStop) =>
        RunAsync(token => sink.WriteAsync(operations, token), operations, hardStop);

    /// <remarks>
    /// The letters' operations are what an <see cref="UnstorableOperationException"/> may name: a store that refuses a
    /// letter itself gets <see cref="SinkCallResult.Unstorable"/>, not an outage retried forever in front of every call.
    /// </remarks>
    public Task<SinkCallOutcome> WriteDeadLettersAsync(IDeadLetterSink letters, IReadOnlyList<DeadLetter> batch, CancellationToken hardStop) =>
        RunAsync(token => letters.WriteDeadLettersAsync(batch, token), batch.Select(l => l.Operation).ToArray(), hardStop);

    public Task<SinkCallOutcome> ProbeAsync(ICallSinkProbe probe, CancellationToken hardStop) =>
        RunAsync(probe.ProbeAsync, null, hardStop);

    public void Dispose() => _timeout?.Dispose();

    private async Task<SinkCallOutcome> RunAsync(Func<CancellationToken, ValueTask> call, IReadOnlyList<CallOperation>? batch, CancellationToken hardStop)
    {
        var timeout = TimeoutSource();
        var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, hardStop);
        timeout.CancelAfter(writeTimeout);
        Task? running = null;
        try
        {
            var pending = call(linked.Token);
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

            return new SinkCallOutcome(SinkCallResult.Written, null, Guid.Empty, StillRunning: false);
        }
        catch (OperationCanceledException) when (hardStop.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any sink failure is an outcome to act on, never a crash of the writer.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var stillRunning = running is { IsCompleted: false };
            return ex switch
            {
                UnstorableOperationException u when batch is not null && u.OperationId != Guid.Empty && Contains(batch, u.OperationId) =>
                    new SinkCallOutcome(SinkCallResult.Unstorable, u, u.OperationId, stillRunning),
                StorageReplacedException => new SinkCallOutcome(SinkCallResult.StorageReplaced, ex, Guid.Empty, stillRunning),
                OperationCanceledException when timeout.IsCancellationRequested =>
                    new SinkCallOutcome(SinkCallResult.StorageFailed, new TimeoutException($"The sink did not finish within {writeTimeout}.", ex), Guid.Empty, stillRunning),
                _ => new SinkCallOutcome(SinkCallResult.StorageFailed, ex, Guid.Empty, stillRunning),
            };
        }
        finally
        {
            // Disarm the timer between calls; a source that did fire is replaced by the next TimeoutSource. The link
            // of a call still running stays: that call may still watch its token.
            timeout.TryReset();
            if (running is { IsCompleted: false })
            {
                lock (_abandoned)
                {
                    _abandoned.RemoveAll(t => t.IsCompleted);
                    _abandoned.Add(running);
                }
            }
            else
            {
                linked.Dispose();
            }
        }
    }

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

    private CancellationTokenSource TimeoutSource()
    {
        if (_timeout is null || !_timeout.TryReset())
        {
            _timeout?.Dispose();
            _timeout = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        }

        return _timeout;
    }
}
