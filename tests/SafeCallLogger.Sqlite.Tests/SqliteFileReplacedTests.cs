using SafeCallLogger.Sqlite.Tests.Support;
using static SafeCallLogger.Sqlite.Tests.Support.TestData;

namespace SafeCallLogger.Sqlite.Tests;

/// <summary>The file the sink writes is the file at the configured path, even after an operator deletes it.</summary>
public sealed class SqliteFileReplacedTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task WriteAsync_DatabaseWalAndShmDeleted_ThrowsStorageReplacedAndTheRetryLandsInTheNewFile()
    {
        // Pooled, as with a plain "Data Source=arbitrage_bot.db": a pooled connection must not bring the deleted file back.
        var connectionString = $"Data Source={_db.Path}";
        await using var sink = new SqliteCallSink(connectionString);
        await sink.WriteAsync([Upsert("before")], CancellationToken.None);
        DeleteDatabaseFiles();

        CallOperation[] batch = [Upsert("after")];
        await Assert.ThrowsAsync<StorageReplacedException>(() => sink.WriteAsync(batch, CancellationToken.None).AsTask());
        await sink.WriteAsync(batch, CancellationToken.None);

        Assert.Equal(1, sink.StorageReplacements);
        Assert.Equal(["after"], await Sqlite3Shell.RunAsync(_db.Path, "SELECT call_id FROM arbitrage_calls;"));
    }

    [Fact]
    public async Task LogCallSafe_DatabaseDeletedMidRun_EveryCallAcceptedAfterwardsIsInTheNewFile()
    {
        const int Calls = 200;
        var options = new CallLoggerOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(10), RetryMaxDelay = TimeSpan.FromMilliseconds(50) };
        var sink = new SqliteCallSink($"Data Source={_db.Path}");
        await using (var logger = new CallLogger(sink, options))
        {
            for (var i = 0; i < Calls; i++)
            {
                Assert.True(logger.LogCallSafe(Call("before" + i, sentAt: Start, teamA: "B" + i)).IsAccepted);
            }

            Assert.True((await logger.FlushAsync(TestWait.Guard)).Completed);
            DeleteDatabaseFiles();
            for (var i = 0; i < Calls; i++)
            {
                Assert.True(logger.LogCallSafe(Call("after" + i, sentAt: Start, teamA: "A" + i)).IsAccepted);
                if (i % 50 == 0)
                {
                    await Task.Yield();
                }
            }

            var flush = await logger.FlushAsync(TestWait.Guard);
            Assert.True(flush.Completed);
            Assert.Equal(0, flush.Lost);
            Assert.Equal(1, sink.StorageReplacements);
        }

        Assert.Equal([Calls.ToString(System.Globalization.CultureInfo.InvariantCulture)], await Sqlite3Shell.RunAsync(_db.Path, "SELECT COUNT(*) FROM arbitrage_calls WHERE call_id LIKE 'after%';"));
    }

    private void DeleteDatabaseFiles()
    {
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_db.Path + suffix);
        }

        Assert.False(File.Exists(_db.Path));
    }
}
