namespace SafeCallLogger.Writing;

/// <summary>Timeouts given by callers, made safe for timers: a timer takes at most about 49.7 days.</summary>
internal static class Timeouts
{
    /// <summary>The longest wait a timer accepts (uint.MaxValue − 1 milliseconds).</summary>
    public static readonly TimeSpan MaxTimerWait = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    /// <summary>
    /// <paramref name="timeout"/> as a timer can take it: infinite stays infinite, anything longer than
    /// <see cref="MaxTimerWait"/> becomes it (a wait that long is as good as infinite), a negative one becomes zero.
    /// </summary>
    public static TimeSpan ClampForTimer(TimeSpan timeout)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return timeout;
        }

        if (timeout < TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        return timeout > MaxTimerWait ? MaxTimerWait : timeout;
    }
}
