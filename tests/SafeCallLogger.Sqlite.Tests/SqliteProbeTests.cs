using Microsoft.Data.Sqlite;
using SafeCallLogger.Sqlite.Tests.Support;
using static SafeCallLogger.Sqlite.Tests.Support.TestData;

namespace SafeCallLogger.Sqlite.Tests;

public sealed class SqliteProbeTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task ProbeAsync_StorageWritable_ReturnsAndWritesNoCall()
    {
        await using var sink = new SqliteCallSink(_db.ConnectionString);

        await sink.ProbeAsync(CancellationToken.None);
        await sink.ProbeAsync(CancellationToken.None);

        Assert.Equal(0L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls"));
        Assert.Equal(0L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls_applied_ops"));
        await sink.WriteAsync([Upsert("c1")], CancellationToken.None);
        Assert.Equal(1L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls"));
    }

    [Fact]
    public async Task ProbeAsync_LockHeld_ThrowsBusyWithoutWaitingTheBusyTimeout()
    {
        // With a 5-minute busy timeout, a probe that waited for the lock would not return before the test's guard.
        await using var sink = new SqliteCallSink(_db.ConnectionString, new SqliteSinkOptions { BusyTimeout = TimeSpan.FromMinutes(5) });
        await sink.ProbeAsync(CancellationToken.None);
        using (var holder = new SqliteConnection(_db.ConnectionString))
        {
            holder.Open();
            using var begin = holder.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE";
            begin.ExecuteNonQuery();

            var error = await Assert.ThrowsAsync<SqliteException>(() => sink.ProbeAsync(CancellationToken.None).AsTask().WaitAsync(TestWait.Guard));
            Assert.Equal(5, error.SqliteErrorCode);
        }

        await sink.ProbeAsync(CancellationToken.None);
        await sink.WriteAsync([Upsert("c1")], CancellationToken.None).AsTask().WaitAsync(TestWait.Guard);
    }
}
