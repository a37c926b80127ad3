namespace SafeCallLogger.Writing;

/// <summary>
/// How far the writer has settled the queue: every operation at a queue position up to <see cref="Value"/> is
/// written, kept as a dead letter or lost (overwritten in DropOldest mode included). One monotonic number, so a flush compares it with
/// its target instead of adding counters read one by one, and a wake-up it misses costs nothing: it reads the number
/// again before it sleeps.
/// </summary>
/// <remarks>
/// The writer advances it only after a whole batch is settled, so an operation held back by a retry or by poison
/// isolation keeps everything behind it unsettled, whatever order the rest was written in.
/// </remarks>
internal sealed class SettledWatermark
{
    private long _value;
    private int _waiters;
    private TaskCompletionSource _advanced = NewSignal();

    /// <summary>Queue positions settled so far.</summary>
    public long Value => Interlocked.Read(ref _value);

    /// <summary>Called by the writer only. Publishes the new value, then wakes the waiters, if any.</summary>
    public void Advance(long settledUpTo)
    {
        // Interlocked: a full fence between publishing the value and reading _waiters. A waiter increments _waiters
        // (full fence) before it reads the value, so either it sees the new value or this sees the waiter.
        Interlocked.Exchange(ref _value, settledUpTo);
        if (Volatile.Read(ref _waiters) > 0)
        {
            Interlocked.Exchange(ref _advanced, NewSignal()).TrySetResult();
        }
    }

    /// <summary>Wakes the waiters without a new value: the writer ended, or something they also watch changed.</summary>
    public void Wake() => Interlocked.Exchange(ref _advanced, NewSignal()).TrySetResult();

    /// <summary>
    /// Waits until <paramref name="reached"/> holds, checking it each time the watermark moves, or until
    /// <paramref name="timeout"/> has passed on <paramref name="time"/>. Returns whether it holds. Never throws.
    /// </summary>
    public async Task<bool> WaitUntilAsync(Func<bool> reached, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();

        // A negative timeout (other than infinite) means no wait; as given, TimeSpan.MinValue minus the time elapsed overflows.
        if (timeout != Timeout.InfiniteTimeSpan && timeout < TimeSpan.Zero)
        {
            timeout = TimeSpan.Zero;
        }

        Interlocked.Increment(ref _waiters);
        try
        {
            while (true)
            {
                // Read the signal before the condition: a move after this read completes the signal we hold.
                var advanced = Volatile.Read(ref _advanced).Task;
                if (reached())
                {
                    return true;
                }

                var left = timeout == Timeout.InfiniteTimeSpan ? Timeout.InfiniteTimeSpan : timeout - time.GetElapsedTime(started);
                if (left != Timeout.InfiniteTimeSpan && left <= TimeSpan.Zero)
                {
                    return false;
                }

                await advanced.WaitAsync(Timeouts.ClampForTimer(left), time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            return reached();
        }
        finally
        {
            Interlocked.Decrement(ref _waiters);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
