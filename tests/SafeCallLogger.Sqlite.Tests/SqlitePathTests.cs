using SafeCallLogger.Sqlite.Internal;
using SafeCallLogger.Sqlite.Tests.Support;
using static SafeCallLogger.Sqlite.Tests.Support.TestData;

namespace SafeCallLogger.Sqlite.Tests;

[CollectionDefinition(nameof(WorkingDirectoryCollection), DisableParallelization = true)]
public sealed class WorkingDirectoryCollection;

/// <summary>Where files go: relative paths, shared backup directories, odd backup names.</summary>
[Collection(nameof(WorkingDirectoryCollection))]
public sealed class SqlitePathTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private readonly FakeTimeProvider _time = new(Start);

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task WriteAsync_RelativeDataSourceAndBackupDirectory_ResolvedAgainstTheAppDirectoryNotTheWorkingDirectory()
    {
        var name = "scl-relative-" + Guid.NewGuid().ToString("N");
        var expected = Path.Combine(AppContext.BaseDirectory, name + ".db");
        var backups = Path.Combine(AppContext.BaseDirectory, name + "-backups");
        var previous = Environment.CurrentDirectory;

        // Under a service manager the working directory is "/": here, a directory that is not the app's.
        Environment.CurrentDirectory = _db.Directory;
        try
        {
            var sink = new SqliteCallSink($"Data Source={name}.db;Pooling=False", new SqliteSinkOptions { BackupDirectory = name + "-backups" }, _time);
            await using (sink)
            {
                await sink.WriteAsync([Upsert("c1")], CancellationToken.None);
                await sink.BackupTask;
            }

            var stats = await new SqliteCallStore($"Data Source={name}.db;Pooling=False").GetStatsAsync();
            Assert.Equal(1, stats.TotalCalls);
            Assert.True(File.Exists(expected));
            Assert.Single(Directory.GetFiles(backups));
            Assert.Empty(Directory.GetFiles(_db.Directory, name + "*"));
        }
        finally
        {
            Environment.CurrentDirectory = previous;
            foreach (var file in Directory.GetFiles(AppContext.BaseDirectory, name + "*"))
            {
                File.Delete(file);
            }

            if (Directory.Exists(backups))
            {
                Directory.Delete(backups, recursive: true);
            }
        }
    }

    [Fact]
    public async Task WriteAsync_TwoDatabasesWithTheSameFileNameShareABackupDirectory_EachKeepsItsOwnBackup()
    {
        var backups = Path.Combine(_db.Directory, "backups");
        var options = new SqliteSinkOptions { BackupDirectory = backups, BackupsToKeep = 1 };
        var first = Path.Combine(_db.Directory, "bot1", "calls.db");
        var second = Path.Combine(_db.Directory, "bot2", "calls.db");
        foreach (var path in new[] { first, second })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using var sink = new SqliteCallSink($"Data Source={path};Pooling=False", options, _time);
            await sink.WriteAsync([Upsert(Path.GetFileName(Path.GetDirectoryName(path))!)], CancellationToken.None);
            await sink.BackupTask;
        }

        var files = Directory.GetFiles(backups).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(2, files.Length);
        Assert.NotEqual(BackupSchedule.Prefix($"Data Source={first}"), BackupSchedule.Prefix($"Data Source={second}"));
    }

    [Fact]
    public async Task WriteAsync_BackupNamedWithAFutureDate_ScheduledBackupStillTaken()
    {
        var backups = Path.Combine(_db.Directory, "backups");
        Directory.CreateDirectory(backups);
        var prefix = BackupSchedule.Prefix(_db.ConnectionString);
        File.WriteAllText(Path.Combine(backups, prefix + "20990101-000000.db"), "from a clock that was wrong");

        await using (var sink = new SqliteCallSink(_db.ConnectionString, new SqliteSinkOptions { BackupDirectory = backups, BackupsToKeep = 5 }, _time))
        {
            await sink.WriteAsync([Upsert("c1")], CancellationToken.None);
            await sink.BackupTask;
        }

        Assert.True(File.Exists(Path.Combine(backups, prefix + "20260314-183000.db")));
    }
}
