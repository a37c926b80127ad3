using System.Collections.Concurrent;
using SafeCallLogger.Sqlite.Tests.Support;

namespace SafeCallLogger.Sqlite.Tests.Journal;

/// <summary>
/// The journal's disk full at the moment it is needed (the sink write-locked, so the logger spills): the logger
/// says so, goes on in memory, and stores every call it accepted once the lock ends.
/// </summary>
public sealed class JournalDiskFullTests : IDisposable
{
    private const int DuringTheLock = 800;
    private readonly string _dir = Directory.CreateTempSubdirectory("scl-journal-full-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task FullDiskUnderTheJournal_FallsBackToMemoryAlertsAndKeepsWorking()
    {
        var database = Path.Combine(_dir, "arbitrage_bot.db");
        var connectionString = $"Data Source={database};Pooling=False";
        await ExistingDatabase.CreateAsync(connectionString);
        using var tmpfs = SmallTmpfs.Mount(Path.Combine(_dir, "small"));
        var journal = Directory.CreateDirectory(Path.Combine(tmpfs.MountPoint, "journal")).FullName;
        tmpfs.FillUp();

        var alerts = new ConcurrentQueue<CallLoggerAlert>();
        var options = new CallLoggerOptions { Journal = { Directory = journal } };
        options.OnAlert(alerts.Enqueue);
        var accepted = new List<string>();
        var statuses = new StatusCounts();
        CallLoggerHealth health;
        await using (var sink = new SqliteCallSink(connectionString))
        await using (var logger = new CallLogger(sink, options))
        {
            using (var holder = await WriteLockHolder.HoldAsync(database))
            {
                // More than half the queue while the sink is locked: the logger turns to the journal, which is full.
                for (var i = 0; i < DuringTheLock; i++)
                {
                    Log(logger, "during-" + i, accepted, statuses);
                }

                await holder.ReleaseAsync();
            }

            var flush = await logger.FlushAsync(TestWait.Guard);
            Assert.True(flush.Completed && flush.Lost == 0, $"after the lock: {flush}");
            for (var i = 0; i < 100; i++)
            {
                Log(logger, "after-" + i, accepted, statuses);
            }

            Assert.True((await logger.FlushAsync(TestWait.Guard)).Completed);
            health = logger.GetHealth();
        }

        // Disposing delivered every alert raised before it: nothing to wait for.
        var kinds = string.Join(", ", alerts.Select(a => $"{a.Kind} ({a.Severity})"));
        Assert.True(alerts.Any(a => a is { Kind: CallLoggerAlertKind.JournalUnavailable, Severity: CallLoggerAlertSeverity.Critical }), $"no Critical JournalUnavailable alert; alerts: [{kinds}]; {statuses}");
        Assert.Equal(JournalMode.Off, health.JournalMode);
        Assert.NotEqual(CallLoggerState.Disabled, health.State);
        Assert.True(statuses.Accepted == DuringTheLock + 100, statuses.ToString());
        var stored = await StoredCalls.ReadAsync(database);
        var missing = stored.Missing(accepted);
        Assert.True(missing.Count == 0, $"{missing.Count} accepted calls not stored ({StoredCalls.Sample(missing)})");
    }

    private static void Log(CallLogger logger, string id, List<string> accepted, StatusCounts statuses)
    {
        var result = logger.LogCallSafe(TestData.Call(id, teamA: id));
        statuses.Add(result);
        if (result.IsAccepted)
        {
            accepted.Add(id);
        }
    }
}
