using SafeCallLogger.Sqlite.Tests.Support;
using static SafeCallLogger.Sqlite.Tests.Support.TestData;

namespace SafeCallLogger.Sqlite.Tests;

public sealed class SqliteSelfTestTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task SelfTestAsync_WorkingPipeline_SucceedsAndLeavesNoTrace()
    {
        await using var logger = new CallLogger(new SqliteCallSink(_db.ConnectionString));
        logger.LogCallSafe(Call("real", sentAt: Start));
        var store = new SqliteCallStore(_db.ConnectionString);

        var result = await store.SelfTestAsync(logger, TimeSpan.FromSeconds(30));

        Assert.True(result.Success, result.Message);
        Assert.StartsWith("ml_test_", result.CallId, StringComparison.Ordinal);
        Assert.Contains("written, read back and removed", result.Message, StringComparison.Ordinal);
        Assert.Equal(1L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls"));
        Assert.Equal(0L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls WHERE call_id LIKE 'ml_test_%'"));
    }

    [Fact]
    public async Task SelfTestAsync_LoggerStopped_FailsWithTheReason()
    {
        var logger = new CallLogger(new SqliteCallSink(_db.ConnectionString));
        await logger.DisposeAsync();

        var result = await new SqliteCallStore(_db.ConnectionString).SelfTestAsync(logger, TimeSpan.FromSeconds(5));

        Assert.False(result.Success);
        Assert.Contains("did not accept the test call (Stopped)", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SelfTestAsync_DatabaseFileDeleted_SucceedsInTheFileCreatedAgainAtThePath()
    {
        await using var logger = new CallLogger(new SqliteCallSink(_db.ConnectionString));
        logger.LogCallSafe(Call("real", sentAt: Start));
        await logger.FlushAsync(TimeSpan.FromSeconds(30));
        foreach (var file in Directory.GetFiles(_db.Directory))
        {
            File.Delete(file);
        }

        var result = await new SqliteCallStore(_db.ConnectionString).SelfTestAsync(logger, TimeSpan.FromSeconds(30));

        // The sink notices its file is gone and writes the test call to a new one at the configured path.
        Assert.True(result.Success, result.Message);
        Assert.True(File.Exists(_db.Path));
    }

    [Fact]
    public async Task SelfTestAsync_StoreReadOnly_FailsBecauseTheTestCallCannotBeRemoved()
    {
        await using var logger = new CallLogger(new SqliteCallSink(_db.ConnectionString));
        logger.LogCallSafe(Call("real", sentAt: Start));
        await logger.FlushAsync(TimeSpan.FromSeconds(30));

        var result = await new SqliteCallStore($"Data Source={_db.Path};Mode=ReadOnly;Pooling=False").SelfTestAsync(logger, TimeSpan.FromSeconds(30));

        Assert.False(result.Success);
        Assert.Contains("SqliteException", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SelfTestAsync_StorageNeverWrites_FailsWithinTheTimeout()
    {
        // The sink's directory does not exist, so every write fails and the flush cannot complete.
        var missing = $"Data Source={Path.Combine(_db.Directory, "missing", "x.db")};Pooling=False";
        await using var logger = new CallLogger(new SqliteCallSink(missing), new CallLoggerOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(10), RetryMaxDelay = TimeSpan.FromMilliseconds(50), ShutdownTimeout = TimeSpan.Zero });

        var result = await new SqliteCallStore(_db.ConnectionString).SelfTestAsync(logger, TimeSpan.FromMilliseconds(300));

        Assert.False(result.Success);
        Assert.Contains("was not written within", result.Message, StringComparison.Ordinal);
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(10));
    }
}
