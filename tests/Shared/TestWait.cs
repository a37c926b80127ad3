namespace SafeCallLogger.Tests.Shared;

/// <summary>
/// Waiting on real events, never on time. <see cref="Guard"/> only stops a broken test from hanging the run; it is
/// not a timing assertion.
/// </summary>
internal static class TestWait
{
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    /// <summary>Spins (yielding) until <paramref name="condition"/> holds; fails the test if the guard runs out.</summary>
    public static async Task Until(Func<bool> condition, string what)
    {
        using var guard = new CancellationTokenSource(Guard);
        while (!condition())
        {
            if (guard.IsCancellationRequested)
            {
                Assert.Fail($"Gave up waiting for: {what}");
            }

            await Task.Delay(1);
        }
    }
}

/// <summary>Moving a <see cref="ManualTimeProvider"/> while waiting for real events.</summary>
internal static class ClockWait
{
    /// <summary>Advances <paramref name="clock"/> by <paramref name="step"/> until <paramref name="condition"/> holds; fails the test if the real-time guard runs out.</summary>
    public static async Task AdvanceUntil(this ManualTimeProvider clock, Func<bool> condition, TimeSpan step, string what)
    {
        using var guard = new CancellationTokenSource(TestWait.Guard);
        while (!condition())
        {
            if (guard.IsCancellationRequested)
            {
                Assert.Fail($"Gave up waiting for: {what}");
            }

            clock.Advance(step);
            await Task.Delay(1);
        }
    }
}
