using Microsoft.Data.Sqlite;
using SafeCallLogger.Sqlite.Tests.Support;
using static SafeCallLogger.Sqlite.Tests.Support.TestData;

namespace SafeCallLogger.Sqlite.Tests;

public sealed class SqliteBackupTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private readonly FakeTimeProvider _time = new(Start);

    public void Dispose() => _db.Dispose();

    private string Prefix => SafeCallLogger.Sqlite.Internal.BackupSchedule.Prefix(_db.ConnectionString);

    [Fact]
    public async Task BackupAsync_WhileLoggingContinues_WritesAConsistentCopy()
    {
        await using var logger = new CallLogger(new SqliteCallSink(_db.ConnectionString), new CallLoggerOptions { QueueCapacity = 100_000 });
        for (var i = 0; i < 2_000; i++)
        {
            logger.LogCallSafe(Call("before" + i, sentAt: Start, teamA: "T" + i));
        }

        Assert.True((await logger.FlushAsync(TimeSpan.FromSeconds(30))).Completed);
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            var i = 0;
            while (!stop.IsCancellationRequested)
            {
                logger.LogCallSafe(Call("during" + i++, sentAt: Start, teamA: "D" + i));
                logger.IncrementClickSafe("before" + (i % 2_000), i % 7);
                if (i % 200 == 0)
                {
                    await Task.Yield();
                }
            }

            return i;
        });

        var store = new SqliteCallStore(_db.ConnectionString);
        var backup = Path.Combine(_db.Directory, "backups", "copy.db");
        await store.BackupAsync(backup);
        await stop.CancelAsync();
        await writer;
        await logger.FlushAsync(TimeSpan.FromSeconds(30));

        using var copy = new SqliteConnection($"Data Source={backup};Mode=ReadOnly;Pooling=False");
        copy.Open();
        using var command = copy.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", command.ExecuteScalar());
        command.CommandText = "SELECT COUNT(*) FROM arbitrage_calls";
        var copied = (long)command.ExecuteScalar()!;
        Assert.InRange(copied, 2_000, _db.Count("SELECT COUNT(*) FROM arbitrage_calls"));
        command.CommandText = "SELECT COUNT(*) FROM arbitrage_calls_applied_ops";
        Assert.True((long)command.ExecuteScalar()! >= copied);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(backup)!, "*.tmp-*"));
    }

    [Fact]
    public async Task WriteAsync_BackupDirectorySet_TakesBackupsOnScheduleAndKeepsNewest()
    {
        var backups = Path.Combine(_db.Directory, "backups");
        var options = new SqliteSinkOptions { BackupDirectory = backups, BackupInterval = TimeSpan.FromDays(14), BackupsToKeep = 2 };
        var sink = new SqliteCallSink(_db.ConnectionString, options, _time);
        await using (sink)
        {
            await WriteAndWaitForBackupAsync(sink, "c0");
            Assert.Equal([Prefix + "20260314-183000.db"], BackupNames());

            _time.Advance(TimeSpan.FromDays(13));
            await WriteAndWaitForBackupAsync(sink, "c1");
            Assert.Single(BackupNames());

            for (var i = 2; i < 5; i++)
            {
                _time.Advance(TimeSpan.FromDays(14));
                await WriteAndWaitForBackupAsync(sink, "c" + i);
            }
        }

        Assert.Equal([Prefix + "20260424-183000.db", Prefix + "20260508-183000.db"], BackupNames());

        // A restarted sink reads the due time back from the newest file: no backup before the interval.
        await using (var restarted = new SqliteCallSink(_db.ConnectionString, options, _time))
        {
            _time.Advance(TimeSpan.FromDays(1));
            await WriteAndWaitForBackupAsync(restarted, "c9");
        }

        Assert.Equal(2, BackupNames().Length);
        using var copy = new SqliteConnection($"Data Source={Path.Combine(backups, Prefix + "20260508-183000.db")};Pooling=False");
        copy.Open();
        using var command = copy.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM arbitrage_calls";
        Assert.Equal(5L, command.ExecuteScalar());

        string[] BackupNames() => Directory.GetFiles(backups).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;
    }

    [Fact]
    public async Task WriteAsync_ScheduledBackupFails_RetriedAfterAnHourNotAnInterval()
    {
        // A file where the backup directory should be: every backup fails until it is removed.
        var backups = Path.Combine(_db.Directory, "backups");
        File.WriteAllText(backups, "in the way");
        var options = new SqliteSinkOptions { BackupDirectory = backups, BackupInterval = TimeSpan.FromDays(14) };
        await using var sink = new SqliteCallSink(_db.ConnectionString, options, _time);
        await WriteAndWaitForBackupAsync(sink, "c0");
        File.Delete(backups);

        _time.Advance(TimeSpan.FromMinutes(59));
        await WriteAndWaitForBackupAsync(sink, "c1");
        Assert.False(Directory.Exists(backups));

        _time.Advance(TimeSpan.FromMinutes(1));
        await WriteAndWaitForBackupAsync(sink, "c2");
        Assert.Equal(Prefix + "20260314-193000.db", Path.GetFileName(Assert.Single(Directory.GetFiles(backups))));

        // After a success the next one is an interval later again.
        _time.Advance(TimeSpan.FromDays(13));
        await WriteAndWaitForBackupAsync(sink, "c3");
        Assert.Single(Directory.GetFiles(backups));
    }

    private static async Task WriteAndWaitForBackupAsync(SqliteCallSink sink, string id)
    {
        await sink.WriteAsync([Upsert(id)], CancellationToken.None);
        await sink.BackupTask;
    }
}
