using System.Diagnostics;
using SafeCallLogger.Sqlite.Tests.Support;
using static SafeCallLogger.Sqlite.Tests.Support.TestData;

namespace SafeCallLogger.Sqlite.Tests;

/// <summary>
/// Storage faults made for real, as root: the files made immutable (<c>chattr +i</c>, which even root cannot write
/// through), a small tmpfs filled to the last byte, and a database whose header was overwritten. Each is an outage: retried, reported, and no accepted call lost.
/// </summary>
public sealed class SqliteDiskFaultTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("scl-disk-").FullName;

    public void Dispose()
    {
        Run("chattr", "-R", "-i", _dir);
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task LogCallSafe_DatabaseFilesImmutableForAWhile_RetriedAndEveryAcceptedCallStoredOnceWritable()
    {
        var path = Path.Combine(_dir, "calls.db");
        var alerts = new System.Collections.Concurrent.ConcurrentQueue<CallLoggerAlert>();
        var options = new CallLoggerOptions { ErrorAlertThreshold = 2 };
        options.OnAlert(alerts.Enqueue);
        await using (var logger = new CallLogger(new SqliteCallSink($"Data Source={path}"), options))
        {
            Assert.True(logger.LogCallSafe(Call("first")).IsAccepted);
            Assert.True((await logger.FlushAsync(TestWait.Guard)).Completed);

            // Not the -shm file: SQLite maps it, and a mapped page of an immutable file kills any process that writes
            // it with SIGBUS (Python's sqlite3 alike); docs/GUARANTEES.md says so.
            Run("chattr", "+i", path, path + "-wal");
            for (var i = 0; i < 300; i++)
            {
                Assert.True(logger.LogCallSafe(Call("during" + i, teamA: "T" + i)).IsAccepted);
            }

            await TestWait.Until(() => logger.GetHealth().Errors >= 2, "writes failing on the immutable files");
            await TestWait.Until(() => alerts.Any(a => a.Kind == CallLoggerAlertKind.Errors), "the admin told");
            Run("chattr", "-i", path, path + "-wal");

            var flush = await logger.FlushAsync(TestWait.Guard);
            Assert.True(flush.Completed);
            Assert.Equal(0, flush.Lost);
        }

        Assert.Equal(["300"], await Sqlite3Shell.RunAsync(path, "SELECT COUNT(*) FROM arbitrage_calls WHERE call_id LIKE 'during%';"));
    }

    [Fact]
    public async Task LogCallSafe_DiskFull_RetriedAndEveryAcceptedCallStoredOnceSpaceIsFreed()
    {
        using var small = SmallTmpfs.Mount(Path.Combine(_dir, "small"));
        var path = Path.Combine(small.MountPoint, "calls.db");
        await using (var logger = new CallLogger(new SqliteCallSink($"Data Source={path}")))
        {
            Assert.True(logger.LogCallSafe(Call("first")).IsAccepted);
            Assert.True((await logger.FlushAsync(TestWait.Guard)).Completed);

            // Every byte left taken: the next page SQLite needs is refused with SQLITE_FULL.
            small.FillUp();
            for (var i = 0; i < 300; i++)
            {
                Assert.True(logger.LogCallSafe(Call("during" + i, teamA: new string('t', 200) + i)).IsAccepted);
            }

            await TestWait.Until(() => logger.GetHealth().Errors >= 1, "writes failing on the full disk");
            Assert.Contains("full", logger.GetHealth().LastError ?? string.Empty, StringComparison.OrdinalIgnoreCase);
            small.FreeUp();

            var flush = await logger.FlushAsync(TestWait.Guard);
            Assert.True(flush.Completed);
            Assert.Equal(0, flush.Lost);
        }

        Assert.Equal(["300"], await Sqlite3Shell.RunAsync(path, "SELECT COUNT(*) FROM arbitrage_calls WHERE call_id LIKE 'during%';"));
    }

    [Fact]
    public async Task LogCallSafe_DatabaseHeaderCorrupted_RetriedAndAlertedThenStoredOnceTheOperatorMovesTheFileAside()
    {
        var path = Path.Combine(_dir, "calls.db");
        var alerts = new System.Collections.Concurrent.ConcurrentQueue<CallLoggerAlert>();
        var options = new CallLoggerOptions { ErrorAlertThreshold = 2 };
        options.OnAlert(alerts.Enqueue);
        await using (var logger = new CallLogger(new SqliteCallSink($"Data Source={path}"), options))
        {
            Assert.True(logger.LogCallSafe(Call("first")).IsAccepted);
            Assert.True((await logger.FlushAsync(TestWait.Guard)).Completed);

            // Everything in the main file (the WAL emptied), then its header overwritten: "file is not a database".
            await Sqlite3Shell.RunAsync(path, "PRAGMA wal_checkpoint(TRUNCATE);");
            using (var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
            {
                file.Write(Enumerable.Repeat((byte)0xFF, 100).ToArray());
            }

            for (var i = 0; i < 100; i++)
            {
                Assert.True(logger.LogCallSafe(Call("during" + i, teamA: "T" + i)).IsAccepted);
            }

            await TestWait.Until(() => alerts.Any(a => a.Kind == CallLoggerAlertKind.Errors), "the admin told of the failing writes");
            Assert.Contains("not a database", logger.GetHealth().LastError ?? string.Empty, StringComparison.Ordinal);
            Assert.True(logger.GetHealth().Pending >= 100);

            // The operator's move: the broken file kept aside for repair, the bot's writes go to a fresh one.
            File.Move(path, path + ".corrupt");
            File.Delete(path + "-wal");
            File.Delete(path + "-shm");

            var flush = await logger.FlushAsync(TestWait.Guard);
            Assert.True(flush.Completed, logger.GetHealth().LastError);
            Assert.Equal(0, flush.Lost);
        }

        Assert.Equal(["100"], await Sqlite3Shell.RunAsync(path, "SELECT COUNT(*) FROM arbitrage_calls WHERE call_id LIKE 'during%';"));
    }

    private static void Run(string command, params string[] args)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
    }
}
