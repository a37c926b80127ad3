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
