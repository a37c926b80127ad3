using Microsoft.Data.Sqlite;
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
}
