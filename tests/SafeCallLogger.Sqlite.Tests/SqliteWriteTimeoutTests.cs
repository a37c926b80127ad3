using Microsoft.Data.Sqlite;
using SafeCallLogger.Sqlite.Tests.Support;
using static SafeCallLogger.Sqlite.Tests.Support.TestData;

namespace SafeCallLogger.Sqlite.Tests;

/// <summary>The write runs off the caller, a cancelled token stops SQLite itself, and disposal cannot race a write.</summary>
public sealed class SqliteWriteTimeoutTests : IDisposable
{
    // A trigger that never ends on its own: only sqlite3_interrupt stops the insert it fires on.
    private const string EndlessTrigger = """
        CREATE TRIGGER endless AFTER INSERT ON arbitrage_calls WHEN NEW.call_id = 'stuck' BEGIN
            SELECT COUNT(*) FROM (WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r) SELECT i FROM r);
        END;
        """;

    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task WriteAsync_LockHeldByAnotherConnection_ReturnsAtOnceAndCompletesWhenReleased()
    {
        var options = new SqliteSinkOptions { BusyTimeout = TimeSpan.FromMinutes(5), LockRetryCount = 0 };
        await using var sink = new SqliteCallSink(_db.ConnectionString, options);
        await sink.WriteAsync([Upsert("first")], CancellationToken.None);
        var holder = HoldWriteLock();

        // Before the fix the call itself waited out the busy timeout on the caller's thread.
        var write = sink.WriteAsync([Upsert("second")], CancellationToken.None).AsTask();
        Assert.False(write.IsCompleted);
        holder.Dispose();
        await write.WaitAsync(TestWait.Guard);

        Assert.Equal(2L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls"));
    }

    [Fact]
    public async Task WriteAsync_TokenCancelledWhileAStatementRuns_InterruptsSqliteAndTheSinkWritesAfterwards()
    {
        await using var sink = new SqliteCallSink(_db.ConnectionString);
        await sink.WriteAsync([Upsert("first")], CancellationToken.None);
        _db.Execute(EndlessTrigger);
        using var timeout = new CancellationTokenSource();

        var write = Task.Run(() => sink.WriteAsync([Upsert("stuck")], timeout.Token).AsTask());
        await TestWait.Until(WriteLockTaken, "the sink to be inside its transaction");
        await timeout.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => write.WaitAsync(TestWait.Guard));
        _db.Execute("DROP TRIGGER endless");
        await sink.WriteAsync([Upsert("second")], CancellationToken.None).AsTask().WaitAsync(TestWait.Guard);
        Assert.Equal(["first", "second"], await Sqlite3Shell.RunAsync(_db.Path, "SELECT call_id FROM arbitrage_calls ORDER BY call_id;"));
    }

    [Fact]
    public async Task DisposeAsync_WhileAWriteRunsAndAnotherWaits_StopsBothAndClosesTheConnection()
    {
        var sink = new SqliteCallSink(_db.ConnectionString);
        await sink.WriteAsync([Upsert("first")], CancellationToken.None);
        _db.Execute(EndlessTrigger);

        var running = Task.Run(() => sink.WriteAsync([Upsert("stuck")], CancellationToken.None).AsTask());
        await TestWait.Until(WriteLockTaken, "the sink to be inside its transaction");
        var waiting = sink.WriteAsync([Upsert("waiting")], CancellationToken.None).AsTask();
        await sink.DisposeAsync().AsTask().WaitAsync(TestWait.Guard);

        await Assert.ThrowsAnyAsync<Exception>(() => running.WaitAsync(TestWait.Guard));
        await Assert.ThrowsAnyAsync<Exception>(() => waiting.WaitAsync(TestWait.Guard));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => sink.WriteAsync([Upsert("late")], CancellationToken.None).AsTask());

        // The lock is free again: the connection was rolled back and closed, not leaked.
        Assert.False(WriteLockTaken());
        _db.Execute("DROP TRIGGER endless");
        Assert.Equal(1L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls"));
    }

    private bool WriteLockTaken()
    {
        using var connection = new SqliteConnection(_db.ConnectionString + ";Default Timeout=1");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 0";
        command.ExecuteNonQuery();
        SQLitePCL.raw.sqlite3_busy_timeout(connection.Handle, 0);
        var rc = SQLitePCL.raw.sqlite3_exec(connection.Handle, "BEGIN IMMEDIATE");
        if (rc == 0)
        {
            SQLitePCL.raw.sqlite3_exec(connection.Handle, "ROLLBACK");
            return false;
        }

        return true;
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
