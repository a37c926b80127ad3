using System.Diagnostics;

namespace SafeCallLogger.Sqlite.Tests.Support;

/// <summary>
/// The bot's day with a long lock: another process holds <c>BEGIN IMMEDIATE</c> for 20 seconds while calls arrive at
/// 300 a second, 10,000 in all (about 33 seconds). Shared by the constructor and the dependency-injection runs, which
/// live in two test classes so xUnit runs them side by side.
/// </summary>
internal static class LockOutageRun
{
    public const int Calls = 10_000;
    public const string Prefix = "lock-";
    private const int PerSecond = 300;
    private static readonly TimeSpan LockFor = TimeSpan.FromSeconds(20);

    /// <summary>Logs the calls through <paramref name="logger"/> during the lock; returns how many ended in each status.</summary>
    public static Task<StatusCounts> LogDuringTheLockAsync(TempDatabase db, ICallLogger logger) =>
        LogDuringTheLockAsync(db, logger, Calls, PerSecond, LockFor);

    /// <summary>Logs <paramref name="calls"/> calls at <paramref name="perSecond"/> while another process holds the write lock for <paramref name="lockFor"/>.</summary>
    public static async Task<StatusCounts> LogDuringTheLockAsync(TempDatabase db, ICallLogger logger, int calls, int perSecond, TimeSpan lockFor)
    {
        var statuses = new StatusCounts();
        using var holder = await WriteLockHolder.HoldAsync(db.Path, lockFor);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            // Pacing, not an assertion: call i is due at i / perSecond seconds.
            var wait = TimeSpan.FromSeconds((double)i / perSecond) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            statuses.Add(logger.LogCallSafe(TestData.Call(Prefix + i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture), teamA: "T" + i)));
        }

        await holder.ReleaseAsync();
        return statuses;
    }

    /// <summary>The calls of the run stored, counted with the sqlite3 shell.</summary>
    public static async Task<string> StoredAsync(TempDatabase db) =>
        Assert.Single(await Sqlite3Shell.RunAsync(db.Path, $"SELECT COUNT(*) FROM arbitrage_calls WHERE call_id LIKE '{Prefix}%';"));
}
