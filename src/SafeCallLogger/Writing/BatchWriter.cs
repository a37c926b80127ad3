using Microsoft.Extensions.Logging;
using SafeCallLogger.Alerts;
using SafeCallLogger.Diagnostics;
using SafeCallLogger.Internal;

namespace SafeCallLogger.Writing;

/// <summary>
/// Delivers one batch to the sink until every operation in it is settled: written, or set aside and kept as a dead
/// letter. Storage failures are retried with backoff and drive the <see cref="Circuit"/>; an operation the sink names
/// as unstorable is set aside at once, wherever it stands and in any state; a replaced store gets the batch again at
/// once. Only a hard stop leaves operations unsettled (the loop counts them as abandoned).
/// </summary>
internal sealed class BatchWriter(
    ICallSink sink,
    CallLoggerOptions options,
    LoggerCounters counters,
    Circuit circuit,
    AlertDispatcher alerts,
    CallLoggerMetrics metrics,
    ILogger logger,
    TimeProvider time,
    Func<CallLoggerHealth> health,
    Action<CallLoggerState> onRecovered,
    Action onStorageFailure) : IDisposable
{
    /// <summary>How often a sink with a probe is asked, while the writer waits between retries, whether storage is back.</summary>
    internal static readonly TimeSpan RecoveryProbeInterval = TimeSpan.FromMilliseconds(250);

    private readonly SinkCall _sink = new(sink, options.WriteTimeout, time);
    private readonly ICallSinkProbe? _probe = sink as ICallSinkProbe;
    private readonly PoisonIsolator _isolator = new(options.PoisonAttempts);
    private readonly DeadLetterKeeper _deadLetters = new(sink, options.DeadLetterPath, counters, logger, time);
    private readonly WriteFailureLog _failureLog = new(logger, time);

    // Set when a write failed right after the probe said storage was back: the probe cannot see this fault, so it
    // must not cut backoffs short until a write succeeds again.
    private bool _probeMisleads;
    private bool _retryingAfterProbe;

    /// <summary>Settles <paramref name="batch"/>; <paramref name="topUp"/> adds queued operations to it (returns how many) when isolation needs more to compare with.</summary>
    public async Task WriteAsync(Batch batch, Func<List<CallOperation>, int> topUp, CancellationToken hardStop)
    {
        var failures = 0;
        var replacedInARow = 0;
        while (batch.Count > 0 || _deadLetters.HasWaiting)
        {
            var outcome = batch.Count > 0
                ? await TimedWriteAsync(batch, hardStop).ConfigureAwait(false)
                : await _deadLetters.KeepAsync(_sink, hardStop).ConfigureAwait(false) ?? new SinkCallOutcome(SinkCallResult.Written, null, Guid.Empty, false);

            switch (outcome.Result)
            {
                case SinkCallResult.Written:
                    replacedInARow = 0;
                    continue;
                case SinkCallResult.Unstorable:
                    SetAside(batch.Items, outcome.UnstorableId, outcome.Error!);
                    continue;
                case SinkCallResult.StorageReplaced when ++replacedInARow <= 3:
                    OnStorageReplaced(outcome.Error!);
                    continue;
                default:
                    break;
            }

            failures++;
            OnStorageFailure(outcome.Error!, batch.Count);

            // Isolation compares operations: a lone one (the normal case at bot traffic) gets queued ones to compare with.
            if (batch.Count > 0 && failures >= 2)
            {
                if (batch.Count < options.MaxBatchSize)
                {
                    topUp(batch.Items);
                }

                await IsolateAsync(batch, hardStop).ConfigureAwait(false);
                if (batch.Count == 0 && !_deadLetters.HasWaiting)
                {
                    return;
                }
            }

            await BackoffAsync(hardStop).ConfigureAwait(false);
        }
    }

    public void Dispose() => _sink.Dispose();

    /// <summary>Completes once every sink call the writer abandoned while it still ran has ended: until then the sink is in use.</summary>
    public Task AbandonedWrites => _sink.Abandoned;

    /// <summary>At a hard stop: logs the set-aside operations storage never took (their last copy) and counts them as quarantined.</summary>
    public void GiveUpDeadLetters() => _deadLetters.LogWaiting();

    private async ValueTask<SinkCallOutcome> TimedWriteAsync(Batch batch, CancellationToken hardStop)
    {
        var started = time.GetTimestamp();
        var outcome = await _sink.WriteAsync(batch.Items, hardStop).ConfigureAwait(false);
        if (outcome.StillRunning)
        {
            batch.Detach();
        }

        if (outcome.Result == SinkCallResult.Written)
        {
            RecordBatch(batch.Count, time.GetElapsedTime(started));
            OnWritten(batch.Items);
            batch.Items.Clear();
        }

        return outcome;
    }

    private void OnWritten(IReadOnlyList<CallOperation> operations)
    {
        Interlocked.Add(ref counters.Written, operations.Count);
        _isolator.Forget(operations);
        _probeMisleads = false;
        _retryingAfterProbe = false;
        if (logger.IsEnabled(LogLevel.Debug))
        {
            foreach (var operation in operations)
            {
                if (operation.Kind == CallOperationKind.UpsertCall)
                {
                    Log.CallWritten(logger, operation.CallId, operation.UsersNotified);
                }
            }
        }

        if (circuit.OnSuccess() == CircuitChange.Recovered)
        {
            Log.Recovered(logger);
            onRecovered(circuit.State);
            alerts.Raise(CallLoggerAlertKind.Recovered, CallLoggerAlertSeverity.Information, health, alwaysSend: true);
        }
    }

    private void SetAside(List<CallOperation> items, Guid operationId, Exception error)
    {
        var index = items.FindIndex(o => o.OperationId == operationId);
        if (index < 0)
        {
            return;
        }

        _deadLetters.Add(items[index], error);
        items.RemoveAt(index);
        OnPoison();
    }

    private void OnPoison()
    {
        circuit.OnPoisonSetAside();
        alerts.Raise(CallLoggerAlertKind.PoisonOperation, CallLoggerAlertSeverity.Warning, health);
    }

    private void OnStorageReplaced(Exception error)
    {
        Interlocked.Increment(ref counters.StorageReplaced);
        Log.StorageReplaced(logger, error.Message);
        alerts.Raise(CallLoggerAlertKind.StorageReplaced, CallLoggerAlertSeverity.Warning, health, alwaysSend: true);
    }

    /// <summary>Counts the failure and reports what it changed.</summary>
    private void OnStorageFailure(Exception error, int count)
    {
        _probeMisleads |= _retryingAfterProbe;
        _retryingAfterProbe = false;
        onStorageFailure();
        var change = circuit.OnStorageFailure(error);
        _failureLog.Failed(error, count, Volatile.Read(ref counters.ConsecutiveErrors));
        switch (change)
        {
            case CircuitChange.ErrorThresholdReached:
                if (alerts.Raise(CallLoggerAlertKind.Errors, CallLoggerAlertSeverity.Warning, health))
                {
                    circuit.OnErrorAlertSent();
                }

                break;
            case CircuitChange.Disabled:
                var snapshot = health();
                Log.Disabled(logger, snapshot.ConsecutiveErrors, snapshot.Pending, options.ProbeInterval);
                alerts.Raise(CallLoggerAlertKind.Disabled, CallLoggerAlertSeverity.Critical, () => snapshot, alwaysSend: true);
                break;
            default:
                break;
        }
    }

    private async Task IsolateAsync(Batch batch, CancellationToken hardStop)
    {
        var pass = await _isolator.RunAsync(batch.Items, _sink, hardStop).ConfigureAwait(false);
        if (pass.Written.Count > 0)
        {
            OnWritten(pass.Written);
        }

        foreach (var (operation, error) in pass.SetAside)
        {
            _deadLetters.Add(operation, error);
            OnPoison();
        }

        if (pass.Replaced is not null)
        {
            OnStorageReplaced(pass.Replaced);
        }

        // A fresh list: the old one may still be read by a call the pass abandoned.
        batch.Replace(pass.Remaining);

        // A pass cut short by a hard stop returns what it did, so that only what it left is counted as abandoned.
        hardStop.ThrowIfCancellationRequested();
    }

    private async Task BackoffAsync(CancellationToken hardStop)
    {
        var delay = circuit.State == CallLoggerState.Disabled
            ? options.ProbeInterval
            : RetrySchedule.Exponential(options.RetryBaseDelay, options.RetryMaxDelay, Volatile.Read(ref counters.ConsecutiveErrors));
        if (delay <= TimeSpan.Zero)
        {
            await Task.Yield();
            hardStop.ThrowIfCancellationRequested();
            return;
        }

        if (_probe is null || _probeMisleads || delay <= RecoveryProbeInterval)
        {
            await Task.Delay(delay, time, hardStop).ConfigureAwait(false);
            return;
        }

        // Noticing a recovery at once: ask the probe (not counted as a write) every RecoveryProbeInterval.
        var started = time.GetTimestamp();
        while (time.GetElapsedTime(started) < delay)
        {
            var left = delay - time.GetElapsedTime(started);
            await Task.Delay(left < RecoveryProbeInterval ? left : RecoveryProbeInterval, time, hardStop).ConfigureAwait(false);
            var probe = await _sink.ProbeAsync(_probe, hardStop).ConfigureAwait(false);
            if (probe.Result == SinkCallResult.Written)
            {
                _retryingAfterProbe = true;
                return;
            }
        }
    }

    private void RecordBatch(int size, TimeSpan duration)
    {
        try
        {
            metrics.RecordBatch(size, duration);
        }
#pragma warning disable CA1031 // A metrics listener that throws must not turn a successful write into a failed one.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
