using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SafeCallLogger.Diagnostics;
using SafeCallLogger.Internal;
using SafeCallLogger.Writing;

namespace SafeCallLogger.Queue;

/// <summary>
/// The bounded queue between the callers and the writer: a <see cref="Channel{T}"/> with one reader, the accept /
/// refuse decision, and what the callers' side counts. Callers only ever call <see cref="Enqueue"/>: it never blocks
/// and never does I/O (its log lines go through the background log pump, once per refusal episode).
/// </summary>
internal sealed class OperationQueue
{
    private readonly Channel<CallOperation> _channel;
    private readonly LoggerCounters _counters;
    private readonly ILogger _logger;
    private readonly int _capacity;
    private int _accepting = 1;
    private int _refusalLogged;

    public OperationQueue(CallLoggerOptions options, LoggerCounters counters, ILogger logger)
    {
        _counters = counters;
        _logger = logger;
        _capacity = options.QueueCapacity;
        _channel = Channel.CreateBounded<CallOperation>(
            new BoundedChannelOptions(options.QueueCapacity)
            {
                SingleReader = true,
                SingleWriter = false,
                AllowSynchronousContinuations = false,
                FullMode = options.QueueFullMode == QueueFullMode.DropOldest ? BoundedChannelFullMode.DropOldest : BoundedChannelFullMode.Wait,
            },
            _ => Interlocked.Increment(ref counters.DroppedOverwritten));
    }

    /// <summary>Set once the queue accepts nothing more: stopping, or the writer ended.</summary>
    public bool IsClosed => Volatile.Read(ref _accepting) == 0;

    /// <summary>Set by the logger before the first enqueue: the pressure alert to notify of accepted operations.</summary>
    public QueuePressure? Pressure { get; set; }

    /// <summary>Queues the operation, or says why not. <paramref name="state"/> is the writer's state as the caller read it.</summary>
    public LogStatus Enqueue(in CallOperation operation, CallLoggerState state)
    {
        if (IsClosed)
        {
            Interlocked.Increment(ref _counters.DroppedStopped);
            return LogStatus.Stopped;
        }

        if (state == CallLoggerState.Disabled)
        {
            Interlocked.Increment(ref _counters.DroppedDisabled);
            if (Interlocked.Exchange(ref _refusalLogged, 1) == 0)
            {
                Log.RefusedWhileDisabled(_logger);
            }

            return LogStatus.Disabled;
        }

        // Counted before the write so that the writer can never settle an operation that is not yet counted.
        var accepted = Interlocked.Increment(ref _counters.AcceptedSlot.Value);
        if (_channel.Writer.TryWrite(operation))
        {
            Pressure?.OnAccepted(accepted);
            return LogStatus.Accepted;
        }

        Interlocked.Decrement(ref _counters.AcceptedSlot.Value);
        if (IsClosed)
        {
            Interlocked.Increment(ref _counters.DroppedStopped);
            return LogStatus.Stopped;
        }

        Interlocked.Increment(ref _counters.DroppedQueueFull);
        Pressure?.OnRefused();
        if (Interlocked.Exchange(ref _refusalLogged, 1) == 0)
        {
            Log.QueueFull(_logger, _capacity);
        }

        return LogStatus.QueueFull;
    }

    /// <summary>Accepts nothing more; what is queued stays for the writer. Idempotent.</summary>
    public void Close()
    {
        Volatile.Write(ref _accepting, 0);
        _channel.Writer.TryComplete();
    }

    /// <summary>Writer side: waits until something is queued; <see langword="false"/> once closed and empty.</summary>
    public ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken) => _channel.Reader.WaitToReadAsync(cancellationToken);

    /// <summary>Writer side: moves up to <paramref name="max"/> operations into <paramref name="into"/>, ids assigned; returns how many.</summary>
    public int Take(List<CallOperation> into, int max, OperationIds ids)
    {
        var taken = 0;
        while (into.Count < max && _channel.Reader.TryRead(out var operation))
        {
            into.Add(operation with { OperationId = ids.Next() });
            taken++;
        }

        Interlocked.Add(ref _counters.Dequeued, taken);
        return taken;
    }

    /// <summary>Writer side, at a hard stop or a crash: empties the queue and returns how many operations it held.</summary>
    public int Drain()
    {
        var drained = 0;
        while (_channel.Reader.TryRead(out _))
        {
            drained++;
        }

        Interlocked.Add(ref _counters.Dequeued, drained);
        return drained;
    }

    /// <summary>Writer side: the cause of the last refusal is gone, so the next refusal is logged again.</summary>
    public void RearmRefusalLog(CallLoggerState state)
    {
        if (_counters.QueueDepth < _capacity && state != CallLoggerState.Disabled)
        {
            Volatile.Write(ref _refusalLogged, 0);
        }
    }
}
