using Microsoft.Extensions.Logging;
using SafeCallLogger.Alerts;
using SafeCallLogger.Diagnostics;
using SafeCallLogger.Internal;
using SafeCallLogger.Queue;
using SafeCallLogger.Validation;
using SafeCallLogger.Writing;

namespace SafeCallLogger;

/// <summary>
/// The default <see cref="ICallLogger"/>: validates on the caller's thread, copies what the caller owns, puts the
/// operation on a bounded queue, and returns. One background writer drains the queue in batches into the
/// <see cref="ICallSink"/>. The writer starts when the logger is created; dispose it (or let the generic host stop it)
/// to write what is queued before the process exits.
/// </summary>
public sealed class CallLogger : ICallLogger, IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LogDrainBudget = TimeSpan.FromSeconds(1);
    private readonly CallLoggerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly LogPump _logPump = new();
    private readonly RejectionLog _rejections;
    private readonly LoggerCounters _counters = new();
    private readonly CallLoggerMetrics _metrics;
    private readonly AlertDispatcher _alerts;
    private readonly OperationQueue _queue;
    private readonly Circuit _circuit;
    private readonly SettledWatermark _settled = new();
    private readonly ICallSink _sink;
    private readonly bool _ownsSink;
    private readonly CancellationTokenSource _hardStop = new();
    private readonly Task _writerTask;
    private readonly CallSnapshot _snapshot;
    private readonly BatchWriter _writer;
    private Task<FlushResult>? _stopTask;
    private Task? _disposeTask;

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
        _logger = BackgroundLogger.Create(loggerFactory, typeof(CallLogger).FullName!, _logPump);
        _rejections = new RejectionLog(_logger, _time);
        _snapshot = new CallSnapshot(_options);

        _metrics = new CallLoggerMetrics(_counters);
        _alerts = new AlertDispatcher([.. _options.AlertHandlers, .. extraAlertHandlers], _time, _options, _logger);
        _circuit = new Circuit(_options, _counters, _time);
        _queue = new OperationQueue(_options, _counters, _logger);
        var pressure = new QueuePressure(_alerts, GetHealth, () => _counters.QueueDepth, QueueWarningDepth(_options));
        _queue.Pressure = pressure;
        var writer = _writer = new BatchWriter(sink, _options, _counters, _circuit, _alerts, _metrics, _logger, _time, GetHealth, _queue.RearmRefusalLog);
        var loop = new WriteLoop(_queue, writer, pressure, _circuit, _settled, _options, _counters, _logger, _time);

        _alerts.Start();
        using (ExecutionContext.SuppressFlow())
        {
            _writerTask = Task.Run(() => loop.RunAsync(_hardStop.Token));
        }

        Log.Started(_logger, _options.QueueCapacity, sink.GetType().Name);
    }

    /// <inheritdoc/>
    public LogResult LogCallSafe(CallRecord call)
    {
        try
        {
            var (reason, field) = _snapshot.Take(call, _time, out var operation);
            return reason == RejectionReason.None ? Enqueue(operation) : Reject("Call", call?.CallId, reason, field);
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
        // Everything accepted before this point sits at a queue position up to `target` (the watermark counts the
        // positions of operations overwritten in DropOldest mode as settled).
        var target = _counters.Accepted;
        var done = await _settled.WaitUntilAsync(
            () => _settled.Value >= target || _writerTask.IsCompleted,
            timeout,
            _time,
            cancellationToken).ConfigureAwait(false);
        var settled = _settled.Value >= target;
        return Snapshot(done && (settled || _counters.Settled >= target));
    }

    /// <inheritdoc/>
    public CallLoggerHealth GetHealth() => _counters.Snapshot(CurrentState, _options.QueueCapacity, QueueWarningDepth(_options));

    /// <summary>
    /// Stops accepting operations, writes what is queued within <paramref name="timeout"/>, then stops the writer.
    /// What is still unwritten after the timeout is counted in <see cref="CallLoggerHealth.AbandonedAtShutdown"/>,
    /// logged, and raised as a Critical <see cref="CallLoggerAlertKind.AcceptedLost"/> alert. Never throws. Calling it
    /// again, concurrently or later, returns the first stop's result. A timeout beyond what a timer takes (about 49
    /// days) or <see cref="Timeout.InfiniteTimeSpan"/> waits that long.
    /// </summary>
    /// <param name="timeout">How long to let the writer finish.</param>
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

    /// <summary>
    /// Stops the logger as <see cref="StopAsync"/> does with <see cref="CallLoggerOptions.ShutdownTimeout"/>, then
    /// releases its resources and, when it owns the sink, disposes the sink once. Never throws; calling it again waits
    /// for the first disposal.
    /// </summary>
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

    /// <summary>
    /// Synchronous form of <see cref="DisposeAsync"/> for containers disposed synchronously: blocks the disposing thread
    /// up to <see cref="CallLoggerOptions.ShutdownTimeout"/> while queued operations are written. Never throws.
    /// </summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    internal static int QueueWarningDepth(CallLoggerOptions options) =>
        Math.Max(1, (int)Math.Ceiling(options.QueueCapacity * options.QueueWarningRatio));

    private CallLoggerState CurrentState => _queue.IsClosed ? CallLoggerState.Stopped : _circuit.State;

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
            Log.WriterCrashed(_logger, ex);
        }

        var snapshot = Snapshot(completed: false);
        result.TrySetResult(snapshot with { Completed = _writerTask.IsCompleted && snapshot.Pending == 0 });
    }

    private async Task StopCoreAsync(TimeSpan timeout)
    {
        var started = _time.GetTimestamp();
        _queue.Close();
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
            catch (TimeoutException)
            {
            }
        }

        var lost = _counters.LostAfterAcceptance;
        if (Interlocked.Read(ref _counters.Abandoned) > 0 || !_writerTask.IsCompleted)
        {
            _alerts.Raise(CallLoggerAlertKind.AcceptedLost, CallLoggerAlertSeverity.Critical, GetHealth, alwaysSend: true);
        }

        var left = timeout == Timeout.InfiniteTimeSpan ? TimeSpan.FromSeconds(10) : timeout - _time.GetElapsedTime(started);
        await _alerts.StopAsync(left > TimeSpan.FromSeconds(1) ? Timeouts.ClampForTimer(left) : TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        Log.Stopped(_logger, Interlocked.Read(ref _counters.Written), lost, _counters.NotAccepted);
        await _logPump.WhenIdleAsync(LogDrainBudget).ConfigureAwait(false);
    }

    private async Task RunDisposeAsync(TaskCompletionSource done)
    {
        await StopAsync(_options.ShutdownTimeout).ConfigureAwait(false);
        _metrics.Dispose();

        // Only once the writer and every write it abandoned have ended: a sink disposed under a live write would fail it.
        var abandoned = _writer.AbandonedWrites;
        if (_ownsSink && _writerTask.IsCompleted && !abandoned.IsCompleted)
        {
            await Task.WhenAny(abandoned, Task.Delay(ShutdownGrace, _time)).ConfigureAwait(false);
        }

        if (_ownsSink && _writerTask.IsCompleted && abandoned.IsCompleted)
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

        if (_writerTask.IsCompleted)
        {
            _hardStop.Dispose();
        }

        done.TrySetResult();
    }

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

    private LogResult Enqueue(in CallOperation operation) =>
        new(_queue.Enqueue(operation, _circuit.State), operation.CallId);

    private LogResult Reject(string operation, string? callId, RejectionReason reason, string? field)
    {
        _counters.CountRejection(reason);
        _rejections.Rejected(operation, callId, reason, field);
        return new LogResult(LogStatus.Rejected, callId, reason, field);
    }

    private LogResult Unreadable(Exception exception, string operation, string? callId)
    {
        try
        {
            _counters.CountRejection(RejectionReason.UnreadableInput);
            _rejections.Unreadable(exception, operation, callId);
        }
#pragma warning disable CA1031 // Even a throwing logging provider must not reach the caller.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        return new LogResult(LogStatus.Rejected, callId, RejectionReason.UnreadableInput, null);
    }
}
