using System.Security.Cryptography;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SafeCallLogger.Alerts;
using SafeCallLogger.Diagnostics;

namespace SafeCallLogger.Internal;

/// <summary>
/// The single consumer of the queue: takes batches, writes them to the sink with a per-write timeout, retries with
/// backoff, sets aside poison operations, disables itself after too many consecutive errors and re-enables itself
/// when a probe succeeds. Nothing accepted is given up except by poison isolation or a shutdown that runs out of time.
/// </summary>
internal sealed class BackgroundWriter
{
    private readonly ChannelReader<CallOperation> _reader;
    private readonly ICallSink _sink;
    private readonly CallLoggerOptions _options;
    private readonly LoggerCounters _counters;
    private readonly AlertDispatcher _alerts;
    private readonly CallLoggerMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Func<CallLoggerHealth> _health;
    private readonly Action _refuseNewOperations;
    private readonly List<CallOperation> _batch;
    private readonly CallOperation[] _single = new CallOperation[1];
    private readonly Dictionary<Guid, int> _poisonAttempts = [];
    private readonly byte[] _idPrefix = new byte[8];
    private const int MaxProbeBudget = 8;
    private readonly int _queueAlertDepth;
    private long _nextSequence;
    private long _errorsAtLastAlert;
    private bool _errorAlertSinceSuccess;
    private int _probeBudget = 2;
    private int _state = (int)CallLoggerState.Running;
    private TaskCompletionSource _progress = NewProgress();
    private int _progressRequested;
    private CancellationTokenSource? _writeTimeout;
    private CancellationTokenSource? _writeToken;

    public BackgroundWriter(
        ChannelReader<CallOperation> reader,
        ICallSink sink,
        CallLoggerOptions options,
        LoggerCounters counters,
        AlertDispatcher alerts,
        CallLoggerMetrics metrics,
        ILogger logger,
        TimeProvider time,
        Func<CallLoggerHealth> health,
        Action refuseNewOperations)
    {
        _refuseNewOperations = refuseNewOperations;
        _reader = reader;
        _sink = sink;
        _options = options;
        _counters = counters;
        _alerts = alerts;
        _metrics = metrics;
        _logger = logger;
        _time = time;
        _health = health;
        _batch = new List<CallOperation>(Math.Min(options.MaxBatchSize, 4096));
        _queueAlertDepth = QueueAlertDepth(options);
        RandomNumberGenerator.Fill(_idPrefix);
    }

    /// <summary>Running, Degraded or Disabled, as the last write left it.</summary>
    public CallLoggerState State => (CallLoggerState)Volatile.Read(ref _state);

    /// <summary>Completes each time operations are settled; <see cref="ICallLogger.FlushAsync"/> waits on it.</summary>
    /// <remarks>
    /// Read it after <see cref="RequestProgress"/>: the writer only replaces (allocates) the signal after a batch when
    /// someone asked, so an idle flush costs the writer nothing.
    /// </remarks>
    public Task Progress => Volatile.Read(ref _progress).Task;

    /// <summary>Asks the writer to complete <see cref="Progress"/> after its next batch. Call before reading it and checking the counters.</summary>
    public void RequestProgress() => Interlocked.Exchange(ref _progressRequested, 1);

    /// <summary>Set by the callers' side when the queue passes the warning depth; the writer re-arms it once the queue is back under half of that.</summary>
    public int QueueAlertArmed = 1;

    /// <summary>Set by the callers' side after it logged a refusal (full or disabled); re-armed when the cause is gone.</summary>
    public int RefusalLogged;

    public static int QueueAlertDepth(CallLoggerOptions options) =>
        Math.Max(1, (int)Math.Ceiling(options.QueueCapacity * options.QueueWarningRatio));

    public async Task RunAsync(CancellationToken hardStop)
    {
        try
        {
            while (await _reader.WaitToReadAsync(hardStop).ConfigureAwait(false))
            {
                if (_options.MaxBatchDelay > TimeSpan.Zero)
                {
                    await Task.Delay(_options.MaxBatchDelay, _time, hardStop).ConfigureAwait(false);
                }

                while (_batch.Count < _options.MaxBatchSize && _reader.TryRead(out var operation))
                {
                    _batch.Add(operation with { OperationId = NextOperationId() });
                }

                Interlocked.Add(ref _counters.Dequeued, _batch.Count);
                RearmQueueSignals();
                await WriteUntilSettledAsync(hardStop).ConfigureAwait(false);
                _batch.Clear();
                SignalProgress();
            }
        }
        catch (OperationCanceledException) when (hardStop.IsCancellationRequested)
        {
            AbandonRemaining();
        }
#pragma warning disable CA1031 // The writer must end cleanly whatever happens; the failure is logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // Only a bug can bring us here. Stop accepting first, so nothing more is promised, then account for what is left.
            _refuseNewOperations();
            AbandonRemaining();
            Volatile.Write(ref _counters.LastError, $"Writer stopped: {ex.GetType().Name}: {ex.Message}");
            Log.WriterCrashed(_logger, ex);
        }
        finally
        {
            _writeToken?.Dispose();
            _writeTimeout?.Dispose();
            SignalProgress();
        }
    }

    private async Task WriteUntilSettledAsync(CancellationToken hardStop)
    {
        var failuresOfThisBatch = 0;
        while (_batch.Count > 0)
        {
            if (await TryWriteAsync(_batch, hardStop).ConfigureAwait(false))
            {
                OnWritten(_batch);
                _batch.Clear();
                return;
            }

            failuresOfThisBatch++;

            // While disabled the batch itself is the probe: one write per ProbeInterval, not one per operation.
            if (failuresOfThisBatch >= 2 && State != CallLoggerState.Disabled)
            {
                await IsolateAsync(hardStop).ConfigureAwait(false);
                if (_batch.Count == 0)
                {
                    return;
                }
            }

            await BackoffAsync(hardStop).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Writes the batch one operation at a time to tell an outage (every write fails) from poison (one operation fails
    /// while others are written). Gives up the pass after <c>_probeBudget</c> failures with no success, and doubles
    /// that budget for the next pass, so an outage costs few writes and a run of poison at the head is still found.
    /// </summary>
    /// <remarks>
    /// An operation becomes a poison suspect when it fails and an operation after it in the same pass is written: the
    /// sink demonstrably works, and not for that one. Each failure of a suspect is a strike; at
    /// <see cref="CallLoggerOptions.PoisonAttempts"/> strikes it is set aside. Operations failing with no later
    /// success (an outage) never become suspects, so an outage never costs an accepted operation.
    /// </remarks>
    private async Task IsolateAsync(CancellationToken hardStop)
    {
        // Operations held back in this pass, in batch order: the ones that failed, and the later ones on the same
        // call, which must not overtake them (a corrected result written before the result it corrects).
        var held = new List<(CallOperation Operation, int Index, bool Failed)>();
        var blockedCalls = new HashSet<string>(StringComparer.Ordinal);
        var failures = 0;
        var lastSuccess = -1;
        var next = 0;
        try
        {
            for (; next < _batch.Count; next++)
            {
                var operation = _batch[next];
                if (blockedCalls.Contains(operation.CallId))
                {
                    held.Add((operation, next, false));
                    continue;
                }

                _single[0] = operation;
                if (await TryWriteAsync(_single, hardStop).ConfigureAwait(false))
                {
                    OnWritten(_single);
                    lastSuccess = next;
                    continue;
                }

                held.Add((operation, next, true));
                blockedCalls.Add(operation.CallId);
                if (lastSuccess < 0 && ++failures >= _probeBudget)
                {
                    next++;
                    break;
                }
            }
        }
        finally
        {
            // Also on cancellation: what was written leaves the batch, the rest stays for the caller to account for.
            KeepUnwritten(held, next, lastSuccess);
        }
    }

    private void KeepUnwritten(List<(CallOperation Operation, int Index, bool Failed)> held, int firstUntried, int lastSuccess)
    {
        _probeBudget = lastSuccess >= 0 ? 2 : Math.Min(MaxProbeBudget, _probeBudget * 2);
        var keep = new List<CallOperation>(held.Count + _batch.Count - firstUntried);
        foreach (var (operation, index, failed) in held)
        {
            if (failed && Strike(operation, provenPoison: index < lastSuccess))
            {
                continue;
            }

            keep.Add(operation);
        }

        for (var i = firstUntried; i < _batch.Count; i++)
        {
            keep.Add(_batch[i]);
        }

        _batch.Clear();
        _batch.AddRange(keep);
    }

    /// <summary>Counts a strike against a suspect; returns <see langword="true"/> when it was set aside.</summary>
    private bool Strike(CallOperation operation, bool provenPoison)
    {
        var suspect = _poisonAttempts.TryGetValue(operation.OperationId, out var strikes);
        if (!suspect && !provenPoison)
        {
            return false;
        }

        strikes++;
        if (strikes < _options.PoisonAttempts)
        {
            _poisonAttempts[operation.OperationId] = strikes;
            return false;
        }

        _poisonAttempts.Remove(operation.OperationId);
        Interlocked.Increment(ref _counters.Quarantined);

        // Its failures were its own, not storage's: the sink was shown to work around it.
        Volatile.Write(ref _counters.ConsecutiveErrors, 0);
        Interlocked.CompareExchange(ref _state, (int)CallLoggerState.Running, (int)CallLoggerState.Degraded);
        Log.Quarantined(_logger, operation.Kind, operation.CallId, strikes, operation.OperationId);
        _alerts.Raise(CallLoggerAlertKind.PoisonOperation, CallLoggerAlertSeverity.Warning, _health);
        return true;
    }

    private async Task<bool> TryWriteAsync(IReadOnlyList<CallOperation> operations, CancellationToken hardStop)
    {
        var started = _time.GetTimestamp();
        var (timeout, linked) = WriteTokens(hardStop);
        timeout.CancelAfter(_options.WriteTimeout);
        try
        {
            var write = _sink.WriteAsync(operations, linked.Token);
            if (write.IsCompleted)
            {
                await write.ConfigureAwait(false);
            }
            else
            {
                // WaitAsync: a sink that ignores its token is abandoned rather than allowed to stall the writer.
                await write.AsTask().WaitAsync(linked.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (hardStop.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any sink failure is an error to count and retry, never a crash of the writer.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var reported = ex is OperationCanceledException && timeout.IsCancellationRequested
                ? new TimeoutException($"The sink did not finish within {_options.WriteTimeout}.", ex)
                : ex;
            OnError(reported, operations.Count);
            return false;
        }
        finally
        {
            // Disarm the timer between writes; a source that did fire is replaced by the next WriteTokens.
            timeout.TryReset();
        }

        try
        {
            _metrics.RecordBatch(operations.Count, _time.GetElapsedTime(started));
        }
#pragma warning disable CA1031 // A metrics listener that throws must not turn a successful write into a failed one.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        OnSuccess();
        return true;
    }

    /// <summary>
    /// The write's timeout source and its link with the hard stop, reused from batch to batch (two allocations and a
    /// timer fewer per batch); made anew only after a timeout has cancelled them.
    /// </summary>
    private (CancellationTokenSource Timeout, CancellationTokenSource Linked) WriteTokens(CancellationToken hardStop)
    {
        if (_writeTimeout is null || _writeToken is null || !_writeTimeout.TryReset() || _writeToken.IsCancellationRequested)
        {
            _writeToken?.Dispose();
            _writeTimeout?.Dispose();
            _writeTimeout = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
            _writeToken = CancellationTokenSource.CreateLinkedTokenSource(_writeTimeout.Token, hardStop);
        }

        return (_writeTimeout, _writeToken);
    }

    private void OnWritten(IReadOnlyList<CallOperation> operations)
    {
        Interlocked.Add(ref _counters.Written, operations.Count);
        var debug = _logger.IsEnabled(LogLevel.Debug);
        foreach (var operation in operations)
        {
            if (_poisonAttempts.Count > 0)
            {
                _poisonAttempts.Remove(operation.OperationId);
            }

            if (debug && operation.Kind == CallOperationKind.UpsertCall)
            {
                Log.CallWritten(_logger, operation.CallId, operation.UsersNotified);
            }
        }
    }

    private void OnSuccess()
    {
        Interlocked.Increment(ref _counters.Successes);
        Interlocked.Exchange(ref _counters.LastSuccessAtTicks, _time.GetUtcNow().UtcTicks);
        Volatile.Write(ref _counters.ConsecutiveErrors, 0);
        // Written only on a change: every enqueue reads this field, and a store per batch would keep stealing its cache line.
        var previous = State;
        if (previous != CallLoggerState.Running)
        {
            previous = (CallLoggerState)Interlocked.Exchange(ref _state, (int)CallLoggerState.Running);
        }

        if (previous == CallLoggerState.Disabled || (previous == CallLoggerState.Degraded && _errorAlertSinceSuccess))
        {
            Log.Recovered(_logger);
            Volatile.Write(ref RefusalLogged, 0);
            _alerts.Raise(CallLoggerAlertKind.Recovered, CallLoggerAlertSeverity.Information, _health, alwaysSend: true);
        }

        _errorAlertSinceSuccess = false;
    }

    private void OnError(Exception error, int count)
    {
        var errors = Interlocked.Increment(ref _counters.Errors);
        var consecutive = Interlocked.Increment(ref _counters.ConsecutiveErrors);
        Volatile.Write(ref _counters.LastError, $"{error.GetType().Name}: {error.Message}");
        Interlocked.Exchange(ref _counters.LastErrorAtTicks, _time.GetUtcNow().UtcTicks);
        Log.WriteFailed(_logger, error, count, consecutive);

        if (State == CallLoggerState.Running)
        {
            Volatile.Write(ref _state, (int)CallLoggerState.Degraded);
        }

        if (errors - _errorsAtLastAlert >= _options.ErrorAlertThreshold)
        {
            _errorsAtLastAlert = errors;
            _errorAlertSinceSuccess |= _alerts.Raise(CallLoggerAlertKind.Errors, CallLoggerAlertSeverity.Warning, _health);
        }

        if (consecutive >= _options.DisableAfterConsecutiveErrors && State != CallLoggerState.Disabled)
        {
            Volatile.Write(ref _state, (int)CallLoggerState.Disabled);
            var health = _health();
            Log.Disabled(_logger, consecutive, health.Pending, _options.ProbeInterval);
            _alerts.Raise(CallLoggerAlertKind.Disabled, CallLoggerAlertSeverity.Critical, () => health, alwaysSend: true);
        }
    }

    private Task BackoffAsync(CancellationToken hardStop)
    {
        TimeSpan delay;
        if (State == CallLoggerState.Disabled)
        {
            delay = _options.ProbeInterval;
        }
        else
        {
            var exponent = Math.Clamp(Volatile.Read(ref _counters.ConsecutiveErrors) - 1, 0, 30);
            var ticks = Math.Min(_options.RetryMaxDelay.Ticks, _options.RetryBaseDelay.Ticks * (double)(1L << exponent));
            delay = TimeSpan.FromTicks((long)ticks);
        }

        return delay > TimeSpan.Zero ? Task.Delay(delay, _time, hardStop) : YieldAsync(hardStop);
    }

    private static async Task YieldAsync(CancellationToken hardStop)
    {
        hardStop.ThrowIfCancellationRequested();
        await Task.Yield();
    }

    private void RearmQueueSignals()
    {
        var depth = _counters.QueueDepth;
        if (depth < _queueAlertDepth / 2)
        {
            Volatile.Write(ref QueueAlertArmed, 1);
        }

        if (depth < _options.QueueCapacity && State != CallLoggerState.Disabled)
        {
            Volatile.Write(ref RefusalLogged, 0);
        }
    }

    private void AbandonRemaining()
    {
        long abandoned = _batch.Count;
        _batch.Clear();
        var drained = 0;
        while (_reader.TryRead(out _))
        {
            drained++;
        }

        Interlocked.Add(ref _counters.Dequeued, drained);
        abandoned += drained;

        if (abandoned > 0)
        {
            Interlocked.Add(ref _counters.Abandoned, abandoned);
            Log.Abandoned(_logger, abandoned);
        }
    }

    private Guid NextOperationId()
    {
        Span<byte> bytes = stackalloc byte[16];
        _idPrefix.CopyTo(bytes);
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(bytes[8..], ++_nextSequence);
        return new Guid(bytes);
    }

    /// <summary>
    /// Wakes flushes. The counters were updated with interlocked (full-fence) operations before this reads the request
    /// flag, and a flush sets the flag with a full fence before it reads the counters: a flush either sees the new
    /// counts or is woken here.
    /// </summary>
    private void SignalProgress()
    {
        if (Interlocked.Exchange(ref _progressRequested, 0) == 1)
        {
            Interlocked.Exchange(ref _progress, NewProgress()).TrySetResult();
        }
    }

    private static TaskCompletionSource NewProgress() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
