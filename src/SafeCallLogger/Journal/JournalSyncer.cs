namespace SafeCallLogger.Journal;

/// <summary>
/// Flushes the mapped segments through to the disk off the callers' threads: on a timer of the store's
/// <see cref="TimeProvider"/> every interval, or, for an interval of zero, on a background thread that flushes
/// whenever appends arrived and sleeps when none did (a flush per batch of appends; an appender wakes it only when it
/// sleeps). What a power loss can lose is what was appended since the last flush; a process crash loses nothing.
/// </summary>
internal sealed class JournalSyncer : IDisposable
{
    private readonly Action _flush;
    private readonly Func<bool> _isDirty;
    private readonly object _tickGate = new();
    private readonly ITimer? _timer;
    private readonly Thread? _thread;
    private readonly SemaphoreSlim _wake = new(0);
    private int _sleeping;
    private long _flushes;
    private volatile bool _stopping;

    /// <param name="interval">Positive: a timer; zero: continuous.</param>
    /// <param name="flush">Flushes every dirty segment; never throws.</param>
    /// <param name="isDirty">Whether any segment has bytes not yet flushed.</param>
    /// <param name="time">The clock the timer runs on.</param>
    public JournalSyncer(TimeSpan interval, Action flush, Func<bool> isDirty, TimeProvider time)
    {
        _flush = flush;
        _isDirty = isDirty;
        if (interval > TimeSpan.Zero)
        {
            _timer = time.CreateTimer(_ => Tick(), null, interval, interval);
        }
        else
        {
            _thread = new Thread(Loop) { IsBackground = true, Name = "SafeCallLogger journal sync" };
            _thread.Start();
        }
    }

    /// <summary>How many flushes ran (health and tests).</summary>
    public long Flushes => Interlocked.Read(ref _flushes);

    /// <summary>Called by an appender after it published a record: wakes a sleeping continuous syncer, else costs a read.</summary>
    public void Poke()
    {
        if (_thread is null)
        {
            return;
        }

        // The record's publication must be visible before we read the flag (store-load order needs a full fence).
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _sleeping) != 0 && Interlocked.Exchange(ref _sleeping, 0) != 0)
        {
            _wake.Release();
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _timer?.Dispose();
        if (_thread is not null)
        {
            Interlocked.Exchange(ref _sleeping, 0);
            _wake.Release();
            _thread.Join();
        }

        // A tick that is running finishes before the store unmaps what it flushes.
        lock (_tickGate)
        {
        }

        // _wake is not disposed: an appender that took the sleeping flag just before this may release it after, and a
        // disposed semaphore would throw out of its append. Undisposed, that release only bumps a count nobody reads;
        // the semaphore holds no handle (AvailableWaitHandle is never used), so there is nothing to free.
    }

    private void Tick()
    {
        lock (_tickGate)
        {
            if (_stopping || !_isDirty())
            {
                return;
            }

            _flush();
            Interlocked.Increment(ref _flushes);
        }
    }

    private void Loop()
    {
        while (!_stopping)
        {
            Tick();

            // Say we sleep, then look again: an append published before the flag was set is seen here, and one after
            // it sees the flag and wakes us (both sides use a full fence), so no batch is left unflushed.
            Interlocked.Exchange(ref _sleeping, 1);
            if (_isDirty() || _stopping)
            {
                if (Interlocked.Exchange(ref _sleeping, 0) == 0)
                {
                    _wake.Wait(); // an appender took the flag and released: consume it
                }

                continue;
            }

            _wake.Wait();
        }
    }
}
