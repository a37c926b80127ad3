using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using SafeCallLogger.Sqlite.Tests.Support;

namespace SafeCallLogger.Sqlite.Tests;

public sealed class SqliteLockTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task LogCallSafe_OtherConnectionHoldsImmediateLockFor3Seconds_AllCallsStoredNoDrops()
    {
        const int Calls = 10_000;
        await using var logger = new CallLogger(new SqliteCallSink(_db.ConnectionString), new CallLoggerOptions { QueueCapacity = 20_000 });
        Assert.True(logger.LogCallSafe(TestData.Call("warmup", sentAt: TestData.Start)).IsAccepted);
        Assert.True((await logger.FlushAsync(TimeSpan.FromSeconds(30))).Completed);

        var locked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = Task.Run(async () =>
        {
            using var connection = new SqliteConnection(_db.ConnectionString);
            connection.Open();
            using var begin = connection.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE";
            begin.ExecuteNonQuery();
            locked.SetResult();
            await release.Task;
            begin.CommandText = "ROLLBACK";
            begin.ExecuteNonQuery();
        });
        await locked.Task;

        var accepted = 0;
        for (var i = 0; i < Calls; i++)
        {
            if (logger.LogCallSafe(TestData.Call("call" + i, sentAt: TestData.Start.AddSeconds(i), teamA: "Team" + i)).IsAccepted)
            {
                accepted++;
            }
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        release.SetResult();
        await holder;
        var flush = await logger.FlushAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(Calls, accepted);
        Assert.True(flush.Completed);
        var health = logger.GetHealth();
        Assert.Equal(0, health.Dropped);
        Assert.Equal(0, flush.Lost);
        Assert.Equal(Calls + 1, _db.Count("SELECT COUNT(*) FROM arbitrage_calls"));
    }

    [Fact]
    public async Task WriteAsync_LockHeldPastBusyTimeout_RetriesWithBackoffThenWrites()
    {
        using var logs = new FakeLoggerProvider();
        using var log = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var options = new SqliteSinkOptions { BusyTimeout = TimeSpan.Zero, LockRetryCount = 100, LockRetryBaseDelay = TimeSpan.FromMilliseconds(5), LockRetryMaxDelay = TimeSpan.FromMilliseconds(20) };
        await using var sink = new SqliteCallSink(_db.ConnectionString, options, loggerFactory: log);
        await sink.WriteAsync([TestData.Upsert("first")], CancellationToken.None);
        using var holder = HoldWriteLock();

        var write = sink.WriteAsync([TestData.Upsert("second"), TestData.Click("first", 1)], CancellationToken.None).AsTask();
        await TestWait.Until(() => logs.Collector.GetSnapshot().Any(r => r.Id.Id == 102), "the lock retry's line");
        Assert.False(write.IsCompleted);
        holder.Dispose();
        await write;

        Assert.Contains(logs.Collector.GetSnapshot(), r => r.Id.Id == 102);
        Assert.Equal(2L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls"));
        Assert.Equal(1L, _db.Count("SELECT alert_clicked_count FROM arbitrage_calls WHERE call_id = 'first'"));
    }

    [Fact]
    public async Task WriteAsync_LockHeldPastEveryRetry_ThrowsBusyAndWritesLater()
    {
        var options = new SqliteSinkOptions { BusyTimeout = TimeSpan.Zero, LockRetryCount = 0 };
        await using var sink = new SqliteCallSink(_db.ConnectionString, options);
        await sink.WriteAsync([TestData.Upsert("first")], CancellationToken.None);
        CallOperation[] batch = [TestData.Upsert("second")];

        using (HoldWriteLock())
        {
            var error = await Assert.ThrowsAsync<SqliteException>(() => sink.WriteAsync(batch, CancellationToken.None).AsTask());
            Assert.Equal(5, error.SqliteErrorCode);
        }

        await sink.WriteAsync(batch, CancellationToken.None);
        Assert.Equal(2L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls"));
    }

    private SqliteConnection HoldWriteLock()
    {
        var connection = new SqliteConnection(_db.ConnectionString);
        connection.Open();
        using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        begin.ExecuteNonQuery();
        return connection;
    }
}
