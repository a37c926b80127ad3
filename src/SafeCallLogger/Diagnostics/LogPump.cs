using System.Collections.Concurrent;

namespace SafeCallLogger.Diagnostics;

/// <summary>
/// Writes log entries on a thread-pool thread of its own, in order, so that no caller and no writer ever waits on a
/// logging provider: a console whose stdout nobody reads, a file on a full disk, a provider that throws. Posting never
/// blocks; past <see cref="Capacity"/> waiting entries, new ones are dropped and counted (logs are the one thing this
/// library may lose). Drains only while entries wait, so an idle pump holds no thread.
/// </summary>
internal sealed class LogPump
{
    public const int Capacity = 4096;

    private readonly ConcurrentQueue<LogEntry> _queue = new();
    private readonly object _idleGate = new();
    private TaskCompletionSource? _idle;
    private int _waiting;
    private int _draining;
    private long _dropped;

    /// <summary>Entries dropped because <see cref="Capacity"/> were already waiting.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Queues the entry; never blocks, never throws.</summary>
    public void Post(LogEntry entry)
    {
        if (Interlocked.Increment(ref _waiting) > Capacity)
        {
            Interlocked.Decrement(ref _waiting);
            Interlocked.Increment(ref _dropped);
            return;
        }

        _queue.Enqueue(entry);
        if (Interlocked.CompareExchange(ref _draining, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static pump => pump.Drain(), this, preferLocal: false);
        }
    }

    /// <summary>Waits until every posted entry was written or <paramref name="budget"/> (real time) has passed. Never throws.</summary>
    public async Task WhenIdleAsync(TimeSpan budget)
    {
        Task idle;
        lock (_idleGate)
        {
            if (Volatile.Read(ref _waiting) == 0)
            {
                return;
            }

            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            idle = _idle.Task;
        }

        try
        {
            await idle.WaitAsync(budget).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A provider that blocks keeps its entries; shutdown does not wait for it.
        }
    }

    private void Drain()
    {
        while (true)
        {
            while (_queue.TryDequeue(out var entry))
            {
                entry.Write();
                Interlocked.Decrement(ref _waiting);
            }

            Volatile.Write(ref _draining, 0);
            lock (_idleGate)
            {
                if (Volatile.Read(ref _waiting) == 0 && _idle is { } idle)
                {
                    _idle = null;
                    idle.TrySetResult();
                }
            }

            // An entry posted between the last TryDequeue and the reset above saw _draining = 1 and queued no drain.
            if (_queue.IsEmpty || Interlocked.CompareExchange(ref _draining, 1, 0) != 0)
            {
                return;
            }
        }
    }
}

/// <summary>One deferred log call.</summary>
internal abstract class LogEntry
{
    /// <summary>Writes the entry to its logger; never throws (the logger is a <see cref="NeverThrowingLogger"/>).</summary>
    public abstract void Write();
}
