using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using SafeCallLogger.Alerts;
using SafeCallLogger.Diagnostics;
using SafeCallLogger.Internal;
using SafeCallLogger.Journal;
using SafeCallLogger.Queue;
using SafeCallLogger.Validation;
using SafeCallLogger.Writing;

namespace SafeCallLogger;

/// <summary>
/// The default <see cref="ICallLogger"/>: validates on the caller's thread, copies what the caller owns, puts the
/// operation on a bounded queue, and returns. One background writer drains the queue in batches into the
/// <see cref="ICallSink"/>. The writer starts when the logger is created; dispose it (or let the generic host stop it)
/// to write what is queued before the process exits. A logger nobody disposes is stopped at a normal process exit
/// (<see cref="AppDomain.ProcessExit"/>), within <see cref="CallLoggerOptions.ShutdownTimeout"/> or 3 seconds,
/// whichever is shorter: a safety net, not a substitute for disposing (a kill or a crash runs no exit handler).
/// </summary>
public sealed class CallLogger : ICallLogger, IAsyncDisposable, IDisposable
{
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
    private readonly CancellationTokenSource _hardStop = new();
    private readonly Task _writerTask;
    private readonly CallSnapshot _snapshot;
    private readonly Shutdown _shutdown;
    private readonly JournalSetup _journal;
    private readonly OrderedFeed _feed;
    private readonly ProcessExitFlush _processExit;

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
        : this(sink, ownsSink: false, options, [], loggerFactory, timeProvider, meterFactory: null)
    {
    }

    internal CallLogger(
        ICallSink sink,
        bool ownsSink,
        CallLoggerOptions? options,
        IEnumerable<ICallLoggerAlertHandler> extraAlertHandlers,
        ILoggerFactory? loggerFactory,
        TimeProvider? timeProvider,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(sink);
        _options = (options ?? new CallLoggerOptions()).Clone();
        var errors = _options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid call logger options: " + string.Join(" ", errors), nameof(options));
        }

        _time = timeProvider ?? TimeProvider.System;
        _logger = BackgroundLogger.Create(loggerFactory, typeof(CallLogger).FullName!, _logPump);
        _rejections = new RejectionLog(_logger, _time);
        _snapshot = new CallSnapshot(_options);

        _metrics = new CallLoggerMetrics(_counters, meterFactory);
        _alerts = new AlertDispatcher([.. _options.AlertHandlers, .. extraAlertHandlers], _time, _options, _logger);
        _circuit = new Circuit(_options, _counters, _time);
        _journal = JournalSetup.Open(_options.Journal, sink, _time, _logger);
        var intake = _journal.Journal is { } journal ? new JournalIntake(journal, _journal.Directory!, _journal.Mode, _alerts, GetHealth, _logger, _time) : null;
        _queue = new OperationQueue(_options, _counters, _logger, intake);
        _feed = new OrderedFeed(_queue, _journal.Journal);
        if (intake is not null)
        {
            _metrics.ObserveJournal(intake, () => _feed.Replayed);
        }
        var pressure = new QueuePressure(_alerts, GetHealth, _counters, QueueWarningDepth(_options));
        _queue.Pressure = pressure;
        var writer = new BatchWriter(
            sink, _options, _counters, _circuit, _alerts, _metrics, _logger, _time, GetHealth, _queue.RearmRefusalLog, () => intake?.Engage("a write failed"));
        var loop = new WriteLoop(_queue, _feed, writer, pressure, _circuit, _settled, _options, _counters, _logger, _time);

        _alerts.Start();
        if (_journal.Error is not null)
        {
            _alerts.Raise(CallLoggerAlertKind.JournalUnavailable, CallLoggerAlertSeverity.Critical, GetHealth, alwaysSend: true);
        }

        using (ExecutionContext.SuppressFlow())
        {
            _writerTask = Task.Run(() => loop.RunAsync(_hardStop.Token));
        }

        _shutdown = new Shutdown(_queue, _writerTask, writer, _hardStop, _alerts, _logPump, _counters, _metrics, ownsSink ? sink : null, _options.ShutdownTimeout, _time, _logger, GetHealth);
        _processExit = new ProcessExitFlush(StopAsync, DisposeAsync, _options.ShutdownTimeout);

        Log.Started(_logger, _options.QueueCapacity, sink.GetType().Name);
    }

    /// <inheritdoc/>
    public LogResult LogCallSafe(CallRecord call)
    {
        try
        {
            var verdict = _snapshot.Take(call, _time, out var operation);
            return Admit("Call", call?.CallId, verdict, operation);
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
            var verdict = OperationAdmission.Click(callId, userId, _time.GetUtcNow(), out var operation);
            return Admit("Click", callId, verdict, operation);
        }
#pragma warning disable CA1031 // The contract: a Safe call never throws, whatever it is given.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Unreadable(ex, "Click", callId);
        }
    }

    /// <inheritdoc/>
    public LogResult UpdateResultSafe(string? callId, CallOutcome outcome, double? profitActual)
    {
        try
        {
            var verdict = OperationAdmission.Result(callId, outcome, profitActual, _time.GetUtcNow(), out var operation);
            return Admit("Result", callId, verdict, operation);
        }
#pragma warning disable CA1031 // The contract: a Safe call never throws, whatever it is given.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Unreadable(ex, "Result", callId);
        }
    }

    /// <inheritdoc/>
    public LogResult RecordClosingLinesSafe(string? callId, Odds closingLineA, Odds closingLineB, LineMovementSpeed? lineMovementSpeed = null)
    {
        try
        {
            var verdict = OperationAdmission.ClosingLines(callId, closingLineA, closingLineB, lineMovementSpeed, _time.GetUtcNow(), out var operation);
            return Admit("Closing lines", callId, verdict, operation);
        }
#pragma warning disable CA1031 // The contract: a Safe call never throws, whatever it is given.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Unreadable(ex, "Closing lines", callId);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<FlushResult> FlushAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        // Everything accepted before this point sits at a queue position up to `target` (the watermark counts the
        // positions of operations overwritten in DropOldest mode as settled).
        var target = _counters.Accepted;
        var done = await _settled.WaitUntilAsync(
            () => Reached(target) || _writerTask.IsCompleted,
            timeout,
            _time,
            cancellationToken).ConfigureAwait(false);
        return _counters.ToFlushResult(done && (Reached(target) || _counters.Settled >= target));
    }

    // A caller counts itself accepted before its channel write and takes it back when the write is refused: a target
    // read in between includes one that never entered the queue, so the count as it is now bounds the target too.
    private bool Reached(long target) => _settled.Value >= Math.Min(target, _counters.Accepted);

    /// <inheritdoc/>
    public CallLoggerHealth GetHealth()
    {
        var health = _counters.Snapshot(CurrentState, _options.QueueCapacity, QueueWarningDepth(_options));
        if (_queue?.Intake is not { } intake)
        {
            return _journal?.Error is null ? health : health with { JournalDirectory = _journal.Directory };
        }

        return health with
        {
            JournalMode = intake.EffectiveMode,
            JournalDirectory = intake.Directory,
            Journaled = intake.Journaled,
            JournalPending = Math.Max(0, intake.Journal.LastSequence - intake.Journal.CommittedSequence),
            JournalBytes = intake.Journal.TotalBytes,
            Replayed = _feed.Replayed,
            JournalCorrupt = intake.Journal.Recovery.CorruptRecords,
        };
    }

    /// <summary>
    /// Stops accepting operations, writes what is queued within <paramref name="timeout"/>, then stops the writer.
    /// What is still unwritten after the timeout is counted in <see cref="CallLoggerHealth.AbandonedAtShutdown"/>,
    /// logged, and raised as a Critical <see cref="CallLoggerAlertKind.AcceptedLost"/> alert. Never throws. Calling it
    /// again, concurrently or later, returns the first stop's result. A timeout beyond what a timer takes (about 49
    /// days) or <see cref="Timeout.InfiniteTimeSpan"/> waits that long.
    /// </summary>
    /// <param name="timeout">How long to let the writer finish.</param>
    public Task<FlushResult> StopAsync(TimeSpan timeout) => _shutdown.StopAsync(timeout);

    /// <summary>
    /// Stops the logger as <see cref="StopAsync"/> does with <see cref="CallLoggerOptions.ShutdownTimeout"/>, then
    /// releases its resources and, when it owns the sink, disposes the sink once. Never throws; calling it again waits
    /// for the first disposal. A logger never disposed is stopped and disposed at process exit, within
    /// <see cref="CallLoggerOptions.ShutdownTimeout"/> or 3 seconds, whichever is shorter.
    /// </summary>
    public ValueTask DisposeAsync()
    {
        _processExit.Dispose();
        return _shutdown.DisposeAsync();
    }

    /// <summary>
    /// Synchronous form of <see cref="DisposeAsync"/> for containers disposed synchronously: blocks the disposing thread
    /// up to <see cref="CallLoggerOptions.ShutdownTimeout"/> while queued operations are written. Never throws.
    /// </summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>The process-exit safety net, for tests.</summary>
    internal ProcessExitFlush ProcessExit => _processExit;

    internal static int QueueWarningDepth(CallLoggerOptions options) =>
        OperationQueue.DepthAt(options.QueueCapacity, options.QueueWarningRatio);

    private CallLoggerState CurrentState => _queue.IsClosed ? CallLoggerState.Stopped : _circuit.State;

    private LogResult Admit(string what, string? callId, (RejectionReason Reason, string? Field) verdict, in CallOperation operation)
    {
        if (verdict.Reason == RejectionReason.None)
        {
            return new LogResult(_queue.Enqueue(operation, _circuit.State), operation.CallId);
        }

        _counters.CountRejection(verdict.Reason);
        _rejections.Rejected(what, callId, verdict.Reason, verdict.Field);
        return new LogResult(LogStatus.Rejected, callId, verdict.Reason, verdict.Field);
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
