using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SafeCallLogger.Alerts;
using SafeCallLogger.Diagnostics;
using SafeCallLogger.Internal;

namespace SafeCallLogger;

/// <summary>
/// The default <see cref="ICallLogger"/>: validates on the caller's thread, puts the operation on a bounded
/// <see cref="Channel{T}"/>, and returns. One background writer drains the channel in batches into the
/// <see cref="ICallSink"/>. The writer starts when the logger is created; dispose it (or let the generic host stop it)
/// to write what is queued before the process exits.
/// </summary>
public sealed class CallLogger : ICallLogger, IAsyncDisposable, IDisposable
{
    private readonly Channel<CallOperation> _channel;
    private readonly CallLoggerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly LoggerCounters _counters = new();
    private readonly CallLoggerMetrics _metrics;
    private readonly AlertDispatcher _alerts;
    private readonly BackgroundWriter _writer;
    private readonly ICallSink _sink;
    private readonly bool _ownsSink;
    private readonly CancellationTokenSource _hardStop = new();
    private readonly Task _writerTask;
    private readonly Func<CallLoggerHealth> _healthFactory;
    private readonly int _queueAlertDepth;
    private readonly int _maxStringLength;
    private readonly int _maxRawDataProperties;
    private readonly TimeZoneInfo? _seedIdTimeZone; // set only when CallIdRecipe is SeedMd5
    // The longest wait a timer accepts; a longer or infinite flush waits in slices of it.
    private static readonly TimeSpan MaxTimerWait = TimeSpan.FromMilliseconds(uint.MaxValue - 1);
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(2);
    private int _stopping;
    private Task? _stopTask;

    /// <summary>
    /// Creates a logger writing to <paramref name="sink"/> and starts its background writer. Throws
    /// <see cref="ArgumentException"/> listing every invalid option: configuration errors surface at startup, never
    /// on the logging path. The caller keeps ownership of <paramref name="sink"/>.
    /// </summary>
    /// <param name="sink">Where calls are stored.</param>
    /// <param name="options">Settings; the default is <see cref="CallLoggerOptions"/> with its defaults. Copied: later changes have no effect.</param>
    /// <param name="loggerFactory">For the logger's own log lines; the default logs nothing.</param>
    /// <param name="timeProvider">The clock for timestamps, timeouts, retries and rate limits; the default is <see cref="TimeProvider.System"/>.</param>
    public CallLogger(ICallSink sink, CallLoggerOptions? options = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(sink, ownsSink: false, options, [], loggerFactory, timeProvider)
    {
    }

    internal CallLogger(
        ICallSink sink,
        bool ownsSink,
        CallLoggerOptions? options,
        IEnumerable<ICallLoggerAlertHandler> extraAlertHandlers,
        ILoggerFactory? loggerFactory,
        TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(sink);
        _options = (options ?? new CallLoggerOptions()).Clone();
        var errors = _options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid call logger options: " + string.Join(" ", errors), nameof(options));
        }

        _sink = sink;
        _ownsSink = ownsSink;
        _time = timeProvider ?? TimeProvider.System;
        _logger = loggerFactory is null ? NullLogger.Instance : new NeverThrowingLogger(loggerFactory.CreateLogger<CallLogger>());
        _maxStringLength = _options.MaxStringLength;
        _maxRawDataProperties = _options.MaxRawDataProperties;
        _seedIdTimeZone = _options.CallIdRecipe == CallIdRecipe.SeedMd5 ? _options.CallIdTimeZone ?? TimeZoneInfo.Local : null;
        _queueAlertDepth = BackgroundWriter.QueueAlertDepth(_options);
        _healthFactory = GetHealth;

        var channelOptions = new BoundedChannelOptions(_options.QueueCapacity)
        {
            SingleReader = true,
            SingleWriter = false,
            AllowSynchronousContinuations = false,
            FullMode = _options.QueueFullMode == QueueFullMode.DropOldest ? BoundedChannelFullMode.DropOldest : BoundedChannelFullMode.Wait,
        };
        _channel = Channel.CreateBounded<CallOperation>(channelOptions, _ => Interlocked.Increment(ref _counters.DroppedOverwritten));

        _metrics = new CallLoggerMetrics(_counters);
        _alerts = new AlertDispatcher([.. _options.AlertHandlers, .. extraAlertHandlers], _time, _options, _logger);
        _writer = new BackgroundWriter(_channel.Reader, sink, _options, _counters, _alerts, _metrics, _logger, _time, _healthFactory, RefuseNewOperations);

        _alerts.Start();
        using (ExecutionContext.SuppressFlow())
        {
            _writerTask = Task.Run(() => _writer.RunAsync(_hardStop.Token));
        }

        Log.Started(_logger, _options.QueueCapacity, sink.GetType().Name);
    }

    /// <inheritdoc/>
    public LogResult LogCallSafe(CallRecord call)
    {
        try
        {
            var (reason, field) = CallValidator.Validate(call, _maxStringLength, _maxRawDataProperties);
            if (reason != RejectionReason.None)
            {
                return Reject("Call", call?.CallId, reason, field);
            }

            var sentAt = call.AlertSentAt ?? _time.GetUtcNow();
            var callId = call.CallId ?? (_seedIdTimeZone is null
                ? CallIds.Compute(call.TeamA, call.TeamB, call.BookmakerA, call.BookmakerB, call.OddsA, call.OddsB, sentAt)
                : CallIds.ComputeSeedCompatible(call.TeamA, call.TeamB, call.BookmakerA, call.BookmakerB, call.OddsA, call.OddsB, sentAt, _seedIdTimeZone));
            var users = call.UsersNotified ?? call.NotifiedUserIds?.Count ?? 1;
            return Enqueue(new CallOperation
            {
                Kind = CallOperationKind.UpsertCall,
                CallId = callId,
                Timestamp = sentAt,
                Call = call,
                UsersNotified = users,
            });
        }
#pragma warning disable CA1031 // The contract: a Safe call never throws, whatever it is given.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Unreadable(ex, "Call", null);
        }
    }

    /// <inheritdoc/>
    public LogResult IncrementClickSafe(string? callId, long? userId = null)
    {
        try
        {
            return IncrementClickCore(callId, userId);
        }
#pragma warning disable CA1031 // The contract: a Safe call never throws, whatever it is given.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Unreadable(ex, "Click", callId);
        }
    }

    private LogResult IncrementClickCore(string? callId, long? userId)
    {
        if (!CallIds.IsValid(callId))
        {
            return Reject("Click", callId, RejectionReason.InvalidCallId, "call_id");
        }

        return Enqueue(new CallOperation
        {
            Kind = CallOperationKind.AddClick,
            CallId = callId!,
            Timestamp = _time.GetUtcNow(),
            UserId = userId,
        });
    }

    /// <inheritdoc/>
    public LogResult UpdateResultSafe(string? callId, CallOutcome outcome, double? profitActual)
    {
        try
        {
            return UpdateResultCore(callId, outcome, profitActual);
        }
#pragma warning disable CA1031 // The contract: a Safe call never throws, whatever it is given.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Unreadable(ex, "Result", callId);
        }
    }

    private LogResult UpdateResultCore(string? callId, CallOutcome outcome, double? profitActual)
    {
        if (!CallIds.IsValid(callId))
        {
            return Reject("Result", callId, RejectionReason.InvalidCallId, "call_id");
        }

        if (!Enum.IsDefined(outcome))
        {
            return Reject("Result", callId, RejectionReason.UnknownEnumValue, "actual_outcome");
        }

        if (profitActual is { } profit && !double.IsFinite(profit))
        {
            return Reject("Result", callId, RejectionReason.NonFiniteNumber, "actual_profit");
        }

        return Enqueue(new CallOperation
        {
            Kind = CallOperationKind.SetResult,
            CallId = callId!,
            Timestamp = _time.GetUtcNow(),
            Outcome = outcome,
            Profit = profitActual,
        });
    }

    /// <inheritdoc/>
    public LogResult RecordClosingLinesSafe(string? callId, Odds closingLineA, Odds closingLineB, LineMovementSpeed? lineMovementSpeed = null)
    {
        try
        {
            return RecordClosingLinesCore(callId, closingLineA, closingLineB, lineMovementSpeed);
        }
#pragma warning disable CA1031 // The contract: a Safe call never throws, whatever it is given.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Unreadable(ex, "Closing lines", callId);
        }
    }

    private LogResult RecordClosingLinesCore(string? callId, Odds closingLineA, Odds closingLineB, LineMovementSpeed? lineMovementSpeed)
    {
        if (!CallIds.IsValid(callId))
        {
            return Reject("Closing lines", callId, RejectionReason.InvalidCallId, "call_id");
        }

        if (CallValidator.CheckOdds(closingLineA, "closing_line_a") is { Reason: not RejectionReason.None } a)
        {
            return Reject("Closing lines", callId, a.Reason, a.Field);
        }

        if (CallValidator.CheckOdds(closingLineB, "closing_line_b") is { Reason: not RejectionReason.None } b)
        {
            return Reject("Closing lines", callId, b.Reason, b.Field);
        }

        if (lineMovementSpeed is { } speed && !Enum.IsDefined(speed))
        {
            return Reject("Closing lines", callId, RejectionReason.UnknownEnumValue, "line_movement_speed");
        }

        return Enqueue(new CallOperation
        {
            Kind = CallOperationKind.SetClosingLines,
            CallId = callId!,
            Timestamp = _time.GetUtcNow(),
            ClosingLineA = closingLineA,
            ClosingLineB = closingLineB,
            LineMovementSpeed = lineMovementSpeed,
        });
    }

    /// <inheritdoc/>
    public async ValueTask<FlushResult> FlushAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var target = _counters.Accepted;
        var started = _time.GetTimestamp();
        var unbounded = timeout == Timeout.InfiniteTimeSpan || timeout >= MaxTimerWait;
        try
        {
            while (true)
            {
                _writer.RequestProgress();
                var progress = _writer.Progress;
                if (IsSettled(target) || _writerTask.IsCompleted)
                {
                    break;
                }

                var left = unbounded ? MaxTimerWait : timeout - _time.GetElapsedTime(started);
                if (left <= TimeSpan.Zero)
                {
                    break;
                }

                await progress.WaitAsync(left, _time, cancellationToken).ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // Flushing never throws: a timeout, a cancellation or anything else is reported through Completed = false.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        return Snapshot(IsSettled(target));
    }

    /// <inheritdoc/>
    public CallLoggerHealth GetHealth() => _counters.Snapshot(CurrentState, _options.QueueCapacity);

    /// <summary>
    /// Stops accepting operations, writes what is queued within <paramref name="timeout"/>, then stops the writer.
    /// What is still unwritten after the timeout is counted in <see cref="CallLoggerHealth.AbandonedAtShutdown"/> and
    /// logged. Never throws. Calling it again returns the first stop's result.
    /// </summary>
    /// <param name="timeout">How long to let the writer finish.</param>
    public async Task<FlushResult> StopAsync(TimeSpan timeout)
    {
        if (Interlocked.Exchange(ref _stopping, 1) == 0)
        {
            _stopTask = StopCoreAsync(timeout);
        }

        while (Volatile.Read(ref _stopTask) is null)
        {
            await Task.Yield();
        }

        await _stopTask!.ConfigureAwait(false);
        var result = Snapshot(completed: false);
        return result with { Completed = _writerTask.IsCompleted && result.Pending == 0 };
    }

    /// <summary>Stops the logger as <see cref="StopAsync"/> does with <see cref="CallLoggerOptions.ShutdownTimeout"/>, then releases its resources. Never throws.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync(_options.ShutdownTimeout).ConfigureAwait(false);
        _metrics.Dispose();
        _hardStop.Dispose();
        if (_ownsSink)
        {
            try
            {
                switch (_sink)
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
                Log.WriterCrashed(_logger, ex);
            }
        }
    }

    /// <summary>
    /// Synchronous form of <see cref="DisposeAsync"/> for containers disposed synchronously: blocks the disposing thread
    /// up to <see cref="CallLoggerOptions.ShutdownTimeout"/> while queued operations are written. Never throws.
    /// </summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private CallLoggerState CurrentState => Volatile.Read(ref _stopping) != 0 ? CallLoggerState.Stopped : _writer.State;

    /// <summary>Called by the writer if it ever ends abnormally: callers are told <see cref="LogStatus.Stopped"/> from then on instead of being accepted into a queue nobody drains.</summary>
    private void RefuseNewOperations()
    {
        Volatile.Write(ref _stopping, 1);
        _channel.Writer.TryComplete();
    }

    private async Task StopCoreAsync(TimeSpan timeout)
    {
        var started = _time.GetTimestamp();
        _channel.Writer.TryComplete();
        try
        {
            await _writerTask.WaitAsync(timeout, _time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await _hardStop.CancelAsync().ConfigureAwait(false);
            try
            {
                // A sink blocked synchronously cannot see the cancellation; do not let it hold shutdown forever.
                await _writerTask.WaitAsync(ShutdownGrace, _time).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Stopping never throws; what is unwritten is counted and logged.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
#pragma warning disable CA1031 // Stopping never throws; the writer logged its own failure.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        var left = timeout - _time.GetElapsedTime(started);
        await _alerts.StopAsync(left > TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        Log.Stopped(_logger, Interlocked.Read(ref _counters.Written), _counters.LostAfterAcceptance, _counters.NotAccepted);
    }

    private bool IsSettled(long target) =>
        _counters.Settled >= Math.Min(target, _counters.Accepted);

    private FlushResult Snapshot(bool completed)
    {
        var accepted = _counters.Accepted;
        return new FlushResult(
            completed,
            Interlocked.Read(ref _counters.Written),
            Math.Max(0, accepted - _counters.Settled),
            _counters.NotAccepted,
            _counters.LostAfterAcceptance);
    }

    private LogResult Enqueue(in CallOperation operation)
    {
        if (Volatile.Read(ref _stopping) != 0)
        {
            Interlocked.Increment(ref _counters.DroppedStopped);
            return new LogResult(LogStatus.Stopped, operation.CallId);
        }

        if (_writer.State == CallLoggerState.Disabled)
        {
            Interlocked.Increment(ref _counters.DroppedDisabled);
            if (Interlocked.Exchange(ref _writer.RefusalLogged, 1) == 0)
            {
                Log.RefusedWhileDisabled(_logger);
            }

            return new LogResult(LogStatus.Disabled, operation.CallId);
        }

        // Counted before the write so that the writer can never settle an operation that is not yet counted.
        var accepted = Interlocked.Increment(ref _counters.AcceptedSlot.Value);
        if (_channel.Writer.TryWrite(operation))
        {
            if (Volatile.Read(ref _writer.QueueAlertArmed) == 1 && accepted - Volatile.Read(ref _counters.Dequeued) >= _queueAlertDepth)
            {
                RaiseQueueAlert();
            }

            return new LogResult(LogStatus.Accepted, operation.CallId);
        }

        Interlocked.Decrement(ref _counters.AcceptedSlot.Value);
        if (Volatile.Read(ref _stopping) != 0)
        {
            Interlocked.Increment(ref _counters.DroppedStopped);
            return new LogResult(LogStatus.Stopped, operation.CallId);
        }

        Interlocked.Increment(ref _counters.DroppedQueueFull);
        if (Interlocked.Exchange(ref _writer.RefusalLogged, 1) == 0)
        {
            Log.QueueFull(_logger, _options.QueueCapacity);
        }

        return new LogResult(LogStatus.QueueFull, operation.CallId);
    }

    private void RaiseQueueAlert()
    {
        if (_counters.QueueDepth >= _queueAlertDepth && Interlocked.Exchange(ref _writer.QueueAlertArmed, 0) == 1)
        {
            _alerts.Raise(CallLoggerAlertKind.QueueNearlyFull, CallLoggerAlertSeverity.Warning, _healthFactory);
        }
    }

    private LogResult Reject(string operation, string? callId, RejectionReason reason, string? field)
    {
        _counters.CountRejection(reason);
        Log.Rejected(_logger, operation, callId, reason, field);
        return new LogResult(LogStatus.Rejected, callId, reason, field);
    }

    private LogResult Unreadable(Exception exception, string operation, string? callId)
    {
        try
        {
            _counters.CountRejection(RejectionReason.UnreadableInput);
            Log.UnreadableInput(_logger, exception, operation, callId);
        }
#pragma warning disable CA1031 // Even a throwing logging provider must not reach the caller.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        return new LogResult(LogStatus.Rejected, callId, RejectionReason.UnreadableInput, null);
    }
}
