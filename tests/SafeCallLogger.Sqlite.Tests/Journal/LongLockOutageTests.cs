using SafeCallLogger.Sqlite.Tests.Support;

namespace SafeCallLogger.Sqlite.Tests.Journal;

/// <summary>
/// The longer run: another process holds the write lock for 60 seconds while calls arrive at 1,000 a second
/// (60,000 in all), every default. A class of its own so xUnit runs it beside the 20-second runs.
/// </summary>
public sealed class LongLockOutageTests : IDisposable
{
    private const int Calls = 60_000;
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task DefaultSettings_SqliteWriteLockedByAnotherProcessFor60Seconds_60000CallsAt1000PerSecond_NoneRefusedNoneLost()
    {
        await ExistingDatabase.CreateAsync(_db.ConnectionString);
        StatusCounts statuses;
        FlushResult flush;
        CallLoggerHealth health;
        await using (var sink = new SqliteCallSink(_db.ConnectionString))
        await using (var logger = new CallLogger(sink))
        {
            statuses = await LockOutageRun.LogDuringTheLockAsync(_db, logger, Calls, perSecond: 1_000, TimeSpan.FromSeconds(60));
            flush = await logger.FlushAsync(TestWait.Guard);
            health = logger.GetHealth();
        }

        Assert.True(statuses.Accepted == Calls, $"not all {Calls:N0} accepted: {statuses}");
        Assert.True(flush.Completed && flush.Lost == 0, flush.ToString());
        Assert.True(health.Journaled > 0, "the journal was never used: the lock did not hold");
        Assert.Equal(Calls.ToString(System.Globalization.CultureInfo.InvariantCulture), await LockOutageRun.StoredAsync(_db));
    }
}
