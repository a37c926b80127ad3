using SafeCallLogger.Sqlite.Tests.Support;

namespace SafeCallLogger.Sqlite.Tests.Journal;

/// <summary>A 20-second lock by another process, with the logger built by its constructors and every default (journal Auto: spill beside the database).</summary>
public sealed class LockOutageConstructorTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task DefaultSettings_SqliteWriteLockedByAnotherProcessFor20Seconds_10000CallsAt300PerSecond_AllAcceptedAllStored()
    {
        await ExistingDatabase.CreateAsync(_db.ConnectionString);
        StatusCounts statuses;
        FlushResult flush;
        await using (var sink = new SqliteCallSink(_db.ConnectionString))
        await using (var logger = new CallLogger(sink))
        {
            statuses = await LockOutageRun.LogDuringTheLockAsync(_db, logger);
            flush = await logger.FlushAsync(TestWait.Guard);
        }

        Assert.True(statuses.Accepted == LockOutageRun.Calls, $"not all {LockOutageRun.Calls:N0} accepted: {statuses}");
        Assert.True(flush.Completed);
        Assert.Equal(LockOutageRun.Calls.ToString(System.Globalization.CultureInfo.InvariantCulture), await LockOutageRun.StoredAsync(_db));
    }
}
