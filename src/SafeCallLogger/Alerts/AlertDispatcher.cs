using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SafeCallLogger.Diagnostics;

namespace SafeCallLogger.Alerts;

/// <summary>
/// Delivers alerts to the handlers on a task of its own, one at a time, each bounded by a timeout, so that a handler
/// that throws or hangs never reaches logging. Rate limits per kind are decided where the alert is raised (each kind
/// is raised from one thread at a time), so no lock is shared with the callers or the writer.
/// </summary>
internal sealed class AlertDispatcher
{
    private const int BacklogCapacity = 32;

    private readonly IReadOnlyList<ICallLoggerAlertHandler> _handlers;
    private readonly TimeProvider _time;
    private readonly TimeSpan _minInterval;
    private readonly TimeSpan _handlerTimeout;
    private readonly ILogger _logger;
    private readonly Channel<CallLoggerAlert> _backlog;
    private readonly long[] _lastSentTimestamp = new long[Enum.GetValues<CallLoggerAlertKind>().Length + 1];
    private readonly int[] _suppressed = new int[Enum.GetValues<CallLoggerAlertKind>().Length + 1];
    private readonly CancellationTokenSource _stop = new();
    private Task _pump = Task.CompletedTask;
    private long _delivered;

    public AlertDispatcher(IReadOnlyList<ICallLoggerAlertHandler> handlers, TimeProvider time, CallLoggerOptions options, ILogger logger)
    {
        _handlers = handlers;
        _time = time;
        _minInterval = options.AlertMinInterval;
        _handlerTimeout = options.AlertHandlerTimeout;
        _logger = logger;
        _backlog = Channel.CreateBounded<CallLoggerAlert>(new BoundedChannelOptions(BacklogCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            AllowSynchronousContinuations = false,
        });
    }

    /// <summary>Alerts handed to every handler (whether each handler succeeded or not).</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary><see langword="true"/> when at least one handler is registered.</summary>
    public bool HasHandlers => _handlers.Count > 0;

    /// <summary>Whether an alert of <paramref name="kind"/> raised now would go out rather than be held back by the rate limit.</summary>
    public bool IsDue(CallLoggerAlertKind kind)
    {
        var last = Volatile.Read(ref _lastSentTimestamp[(int)kind]);
        return last == 0 || _time.GetElapsedTime(last) >= _minInterval;
    }

    public void Start()
    {
        using (ExecutionContext.SuppressFlow())
        {
            _pump = Task.Run(PumpAsync);
        }
    }

    /// <summary>
    /// Raises an alert unless one of the same kind went out less than <see cref="CallLoggerOptions.AlertMinInterval"/>
    /// ago; <paramref name="alwaysSend"/> skips that check. Never blocks: the handlers run on the dispatcher's task.
    /// </summary>
    /// <returns><see langword="true"/> when the alert was queued for the handlers; <see langword="false"/> when held back or when there is no handler.</returns>
    public bool Raise(CallLoggerAlertKind kind, CallLoggerAlertSeverity severity, Func<CallLoggerHealth> health, bool alwaysSend = false)
    {
        if (_handlers.Count == 0)
        {
            return false;
        }

        // Elapsed time from the monotonic timestamp, so a wall-clock jump cannot mute alerts.
        var now = _time.GetTimestamp();
        var index = (int)kind;
        var last = Volatile.Read(ref _lastSentTimestamp[index]);
        if (!alwaysSend && last != 0 && _time.GetElapsedTime(last, now) < _minInterval)
        {
            Interlocked.Increment(ref _suppressed[index]);
            return false;
        }

        Volatile.Write(ref _lastSentTimestamp[index], now);
        var suppressed = Interlocked.Exchange(ref _suppressed[index], 0);
        return _backlog.Writer.TryWrite(new CallLoggerAlert(kind, severity, _time.GetUtcNow(), health(), suppressed));
    }

    /// <summary>Lets queued alerts go out for at most <paramref name="budget"/>, then abandons the rest.</summary>
    public async Task StopAsync(TimeSpan budget)
    {
        _backlog.Writer.TryComplete();
        try
        {
            await _pump.WaitAsync(budget, _time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
        }
    }

    private async Task PumpAsync()
    {
        try
        {
            await foreach (var alert in _backlog.Reader.ReadAllAsync(_stop.Token).ConfigureAwait(false))
            {
                foreach (var handler in _handlers)
                {
                    await DeliverAsync(handler, alert).ConfigureAwait(false);
                }

                Interlocked.Increment(ref _delivered);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopping: remaining alerts are abandoned on purpose.
        }
    }

    private async Task DeliverAsync(ICallLoggerAlertHandler handler, CallLoggerAlert alert)
    {
        using var timeout = new CancellationTokenSource(_handlerTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _stop.Token);
        try
        {
            // Task.Run: a handler that blocks before its first await (a synchronous HTTP call) is cut off by the
            // timeout like any other, instead of freezing alert delivery.
            var token = linked.Token;
            await Task.Run(() => handler.HandleAsync(alert, token).AsTask(), token).WaitAsync(token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && timeout.IsCancellationRequested))
        {
            Log.AlertHandlerTimedOut(_logger, handler.GetType().Name, alert.Kind, _handlerTimeout);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A handler's failure must never escape: that is the contract.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.AlertHandlerFailed(_logger, ex, handler.GetType().Name, alert.Kind);
        }
    }
}
