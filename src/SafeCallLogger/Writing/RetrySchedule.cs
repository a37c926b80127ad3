namespace SafeCallLogger.Writing;

/// <summary>The one exponential backoff formula of the library: base × 2^(attempt − 1), capped.</summary>
// Not Polly (served): one formula on the injected TimeProvider, shared with the SQLite lock retries; a pipeline dependency for it would cost the core package more than it saves.
internal static class RetrySchedule
{
    /// <summary>The delay before retry number <paramref name="attempt"/> (1 for the first retry).</summary>
    public static TimeSpan Exponential(TimeSpan baseDelay, TimeSpan maxDelay, int attempt)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var ticks = Math.Min(maxDelay.Ticks, baseDelay.Ticks * (double)(1L << exponent));
        return TimeSpan.FromTicks((long)ticks);
    }
}
