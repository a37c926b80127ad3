using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SafeCallLogger.Diagnostics;
using SafeCallLogger.Internal;
using SafeCallLogger.Journal;
using SafeCallLogger.Writing;

namespace SafeCallLogger.Queue;

/// <summary>
/// The bounded queue between the callers and the writer: a <see cref="Channel{T}"/> with one reader, the accept /
/// refuse decision, and what the callers' side counts. Callers only ever call <see cref="Enqueue"/>: it never blocks
/// and never does I/O (its log lines go through the background log pump, once per refusal episode).
/// </summary>
internal sealed class OperationQueue
{
    private readonly Channel<QueuedOperation> _channel;
    private readonly OperationIds _ids = new();
    private readonly LoggerCounters _counters;
    private readonly ILogger _logger;
    private readonly int _capacity;
    private readonly int _spillDepth;
    private int _accepting = 1;
    private int _refusalLogged;

    public OperationQueue(CallLoggerOptions options, LoggerCounters counters, ILogger logger, JournalIntake? intake)
    {
        Intake = intake;
        _counters = counters;
        _logger = logger;
        _capacity = options.QueueCapacity;
        _spillDepth = DepthAt(options.QueueCapacity, options.Journal.SpillQueueRatio);
        _channel = Channel.CreateBounded<QueuedOperation>(
            new BoundedChannelOptions(options.QueueCapacity)
            {
                SingleReader = true,
                SingleWriter = false,
                AllowSynchronousContinuations = false,
                // With a journal a full queue sends calls to it: overwriting would lose what it is there to keep.
                FullMode = options.QueueFullMode == QueueFullMode.DropOldest && intake is null ? BoundedChannelFullMode.DropOldest : BoundedChannelFullMode.Wait,
            },
            dropped => CountOverwritten(dropped, counters));
    }

    /// <summary>The depth from which spill mode journals new operations (<see cref="JournalOptions.SpillQueueRatio"/> of the capacity).</summary>
    public int SpillDepth => _spillDepth;

    /// <summary><paramref name="ratio"/> of <paramref name="capacity"/>, rounded up, at least 1: how every queue threshold is derived.</summary>
    public static int DepthAt(int capacity, double ratio) => Math.Max(1, (int)Math.Ceiling(capacity * ratio));

    /// <summary>The journal's intake, when the logger has a journal.</summary>
    public JournalIntake? Intake { get; }

    /// <summary>Set once the queue accepts nothing more: stopping, or the writer ended.</summary>
    public bool IsClosed => Volatile.Read(ref _accepting) == 0;

    /// <summary>Set by the logger before the first enqueue: the pressure alert to notify of accepted operations.</summary>
    public QueuePressure? Pressure { get; set; }

    /// <summary>
    /// Queues the operation (journaling it first when the journal is engaged, or when the queue is full and a journal
    /// can take it), or says why not. Gives it its operation id. <paramref name="state"/> is the writer's state as the
    /// caller read it.
    /// </summary>
    public LogStatus Enqueue(in CallOperation operation, CallLoggerState state)
    {
        if (IsClosed)
        {
            Interlocked.Increment(ref _counters.DroppedStopped);
            return LogStatus.Stopped;
        }

        var intake = Intake;
        var journal = intake is not null && intake.CanAppend;
        if (state == CallLoggerState.Disabled && !journal)
        {
            Interlocked.Increment(ref _counters.DroppedDisabled);
            if (Interlocked.Exchange(ref _refusalLogged, 1) == 0)
            {
                Log.RefusedWhileDisabled(_logger);
            }

            return LogStatus.Disabled;
        }

        var identified = operation with { OperationId = _ids.Next() };
        if (journal && (intake!.Engaged || state == CallLoggerState.Disabled))
        {
            return EnqueueJournaled(identified, intake);
        }

        // Counted before the write so that the writer can never settle an operation that is not yet counted.
        var accepted = Interlocked.Increment(ref _counters.AcceptedSlot.Value);
        if (_channel.Writer.TryWrite(new QueuedOperation(identified, QueuedKind.Memory, intake?.Horizon ?? 0)))
        {
            Pressure?.OnAccepted(accepted);

            // A writer stuck on one long write takes no batch to notice the queue filling: the callers do. The cheap
            // check counts what bypassed the queue into the journal (never dequeued) as queued, so the depth confirms
            // it: otherwise, after a burst that bypassed more than the spill depth, every call would engage again.
            if (intake is not null && accepted - Volatile.Read(ref _counters.Dequeued) >= _spillDepth && _counters.QueueDepth >= _spillDepth)
            {
                intake.Engage("the queue is filling up");
            }

            return LogStatus.Accepted;
        }

        Interlocked.Decrement(ref _counters.AcceptedSlot.Value);
        if (IsClosed)
        {
            Interlocked.Increment(ref _counters.DroppedStopped);
            return LogStatus.Stopped;
        }

        if (journal)
        {
            intake!.Engage("the queue is full");
            return EnqueueJournaled(identified, intake);
        }

        return RefuseFull();
    }

    private LogStatus EnqueueJournaled(in CallOperation operation, JournalIntake intake)
    {
        Interlocked.Increment(ref _counters.AcceptedSlot.Value);
        switch (intake.Append(operation, out var sequence))
        {
            case JournalAppendResult.Appended:
                // The copy spares the writer reading the record back; without room, a marker (or the full queue
                // itself) makes the writer look in the journal.
                if (!_channel.Writer.TryWrite(new QueuedOperation(operation, QueuedKind.Copy, sequence)))
                {
                    // Published before the marker: a writer woken by the marker (or by the slots that fill the queue) sees it.
                    intake.MarkBypassed(sequence);
                    Interlocked.Increment(ref _counters.BypassedQueue);
                    _channel.Writer.TryWrite(new QueuedOperation(default, QueuedKind.Marker, sequence));
                }

                return LogStatus.Accepted;
            default:
                // At the cap, too large for a record, or the journal failed (and rests): memory is all there is, and
                // only a full queue refuses. Its horizon still orders it after every record published before it.
                if (_channel.Writer.TryWrite(new QueuedOperation(operation, QueuedKind.Memory, intake.Horizon)))
                {
                    // Memory is the only protection now: the queue alert counts again.
                    Pressure?.OnAccepted(_counters.Accepted);
                    return LogStatus.Accepted;
                }

                Interlocked.Decrement(ref _counters.AcceptedSlot.Value);
                return IsClosed ? Stopped() : RefuseFull();
        }
    }

    private LogStatus Stopped()
    {
        Interlocked.Increment(ref _counters.DroppedStopped);
        return LogStatus.Stopped;
    }

    private LogStatus RefuseFull()
    {
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

    /// <summary>Writer side: takes the next slot, if any; the writer counts the operations it took with <see cref="CountDequeued"/>.</summary>
    public bool TryTake(out QueuedOperation slot) => _channel.Reader.TryRead(out slot);

    /// <summary>Writer side: <paramref name="count"/> operations (not markers) left the queue; counted once per batch, not per slot, as the callers read this count.</summary>
    public void CountDequeued(int count)
    {
        if (count > 0)
        {
            Interlocked.Add(ref _counters.Dequeued, count);
        }
    }

    // Only without a journal (see the full mode), so only memory operations are ever overwritten.
    private static void CountOverwritten(QueuedOperation dropped, LoggerCounters counters)
    {
        if (dropped.Kind == QueuedKind.Memory)
        {
            Interlocked.Increment(ref counters.DroppedOverwritten);
        }
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
