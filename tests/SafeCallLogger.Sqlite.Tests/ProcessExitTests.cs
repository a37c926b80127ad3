using SafeCallLogger.Sqlite.Tests.Support;

namespace SafeCallLogger.Sqlite.Tests;

/// <summary>
/// A bot that never disposes its logger, in a real process (tests/SafeCallLogger.CrashChild <c>--no-dispose</c>):
/// <c>Main</c> returns right after the last call, and only the logger's process-exit handler writes the queue.
/// </summary>
public sealed class ProcessExitTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    [InlineData(500)]
    public async Task ProcessExit_BotNeverDisposesTheLogger_EveryAcceptedCallIsStored(int calls)
    {
        using var child = CrashChildProcess.Start("--db", _db.Path, "--count", calls.ToString(System.Globalization.CultureInfo.InvariantCulture), "--prefix", "x", "--no-dispose");
        await child.EndAsync();

        var stored = await StoredCalls.ReadAsync(_db.Path);
        Assert.Equal(calls, child.Accepted.Count);
        Assert.Empty(stored.Missing(child.Accepted));
        Assert.Empty(stored.StoredMoreThanOnce(child.Accepted));
        Assert.Equal(calls, stored.Count);
    }

    [Fact]
    public async Task ProcessExit_HostNeverStoppedNorDisposed_EveryAcceptedCallIsStored()
    {
        using var child = CrashChildProcess.Start("--db", _db.Path, "--count", "200", "--prefix", "h", "--no-dispose", "--di");
        await child.EndAsync();

        var stored = await StoredCalls.ReadAsync(_db.Path);
        Assert.Equal(200, child.Accepted.Count);
        Assert.Empty(stored.Missing(child.Accepted));
        Assert.Empty(stored.StoredMoreThanOnce(child.Accepted));
    }
}
