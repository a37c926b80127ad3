using System.Collections.Concurrent;
using SafeCallLogger.Journal;
using SafeCallLogger.Sqlite.Tests.Support;

namespace SafeCallLogger.Sqlite.Tests.Journal;

/// <summary>
/// One process per journal directory: a second bot started on the same database (an operator's mistake, a
/// deployment that overlaps) cannot take the journal, says so, and still stores its calls from memory.
/// </summary>
public sealed class JournalHeldByAnotherProcessTests : IDisposable
{
    private const int Calls = 100;
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task SecondProcessOnTheSameJournalDirectory_FallsBackToMemoryAndAlerts()
    {
        var journal = _db.Path + ".journal";
        using var child = CrashChildProcess.Start("--db", _db.Path, "--mode", "durable", "--count", "10", "--prefix", "first-", "--hold");
        await child.WaitForCallsAsync(10);
        Assert.True(Directory.Exists(journal), $"the first process holds no journal at {journal} after {child.Accepted.Count} accepted calls");
        Assert.True(JournalInspector.Inspect(journal).LastSequence >= 10, "the first process's calls are not in its journal");

        var alerts = new ConcurrentQueue<CallLoggerAlert>();
        var options = new CallLoggerOptions();
        options.OnAlert(alerts.Enqueue);
        var statuses = new StatusCounts();
        CallLoggerHealth health;
        await using (var sink = new SqliteCallSink(_db.ConnectionString))
        await using (var logger = new CallLogger(sink, options))
        {
            for (var i = 0; i < Calls; i++)
            {
                statuses.Add(logger.LogCallSafe(TestData.Call("second-" + i, teamA: "T" + i)));
            }

            var flush = await logger.FlushAsync(TestWait.Guard);
            Assert.True(flush.Completed && flush.Lost == 0, $"second process: {flush}");
            health = logger.GetHealth();
        }

        // Disposing delivered every alert raised before it: nothing to wait for.
        var kinds = string.Join(", ", alerts.Select(a => $"{a.Kind} ({a.Severity})"));
        Assert.True(alerts.Any(a => a is { Kind: CallLoggerAlertKind.JournalUnavailable, Severity: CallLoggerAlertSeverity.Critical }), $"no Critical JournalUnavailable alert; alerts: [{kinds}]");
        Assert.Equal(JournalMode.Off, health.JournalMode);
        Assert.True(statuses.Accepted == Calls, $"second process: {statuses}");

        await child.EndAsync();
        var stored = await StoredCalls.ReadAsync(_db.Path);
        Assert.Equal(Calls, stored.CountWithPrefix("second-"));
        Assert.Empty(stored.Missing(child.Accepted));
    }
}
