using Microsoft.Extensions.Time.Testing;

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

/// <summary>
/// Moving a <see cref="FakeTimeProvider"/> while waiting for real events. Kept beside FakeTimeProvider, which only moves
/// when told: code under test reacts on other threads, so a test advances step by step until what it waits for happened.
/// </summary>
internal static class ClockWait
{
    /// <summary>Advances <paramref name="clock"/> by <paramref name="step"/> until <paramref name="condition"/> holds; fails the test if the real-time guard runs out.</summary>
    public static async Task AdvanceUntil(this FakeTimeProvider clock, Func<bool> condition, TimeSpan step, string what)
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

    /// <summary>
    /// Moves the clock a second at a time until <paramref name="task"/> completes, for code that waits on this clock
    /// (a shutdown timeout, a probe interval). Fails the test if it does not complete within the real-time guard.
    /// </summary>
    public static async Task RunUntilAsync(this FakeTimeProvider clock, Task task)
    {
        await clock.AdvanceUntil(() => task.IsCompleted, TimeSpan.FromSeconds(1), "the task to complete while the clock moved");
        await task;
    }
}
