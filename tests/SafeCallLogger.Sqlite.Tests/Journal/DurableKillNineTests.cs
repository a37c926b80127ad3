using System.Text;
using SafeCallLogger.Sqlite.Tests.Support;

namespace SafeCallLogger.Sqlite.Tests.Journal;

/// <summary>
/// Durable mode's promise under <c>kill -9</c>: every call whose <c>LogCallSafe</c> returned Accepted is in the
/// journal, and a restarted logger replays what the sink had not committed, each operation exactly once.
/// </summary>
public sealed class DurableKillNineTests : IDisposable
{
    private const int Kills = 10;
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Durable_KillNineTenTimesInARowAt2000CallsPerSecond_EveryAcknowledgedCallStoredExactlyOnce()
    {
        var seed = CrashSeed.Next();
        var random = new Random(seed);
        var acknowledged = new List<string>();
        var rounds = new StringBuilder();
        for (var round = 0; round < Kills; round++)
        {
            // The random moment, counted in calls the child has reported: up to a second of its calls.
            var killAfter = random.Next(1, 2_000);
            // Odd rounds build the logger through the generic host, even ones through constructors: the same journal either way.
            using var child = CrashChildProcess.Start([.. ChildArgs(round), "--mode", "durable"]);
            await child.WaitForCallsAsync(killAfter);
            await child.KillAsync();
            acknowledged.AddRange(child.Accepted);
            rounds.Append($" [{round}{(round % 2 == 1 ? " di" : string.Empty)}: killed after {child.Calls} calls, {child.Accepted.Count} accepted, {child.Refused.Count} refused]");
        }

        // The restart that ends normally, on the same database and so the same journal.
        CallLoggerHealth health;
        await using (var sink = new SqliteCallSink(_db.ConnectionString))
        await using (var logger = new CallLogger(sink, new CallLoggerOptions { Journal = { Mode = JournalMode.Durable } }))
        {
            Assert.True(logger.LogCallSafe(TestData.Call("after-the-kills")).IsAccepted);
            await TestWait.Until(() => logger.GetHealth().JournalPending == 0, "the journal replayed");
            Assert.True((await logger.FlushAsync(TestWait.Guard)).Completed);
            health = logger.GetHealth();
        }

        var stored = await StoredCalls.ReadAsync(_db.Path);
        var missing = stored.Missing(acknowledged);
        var twice = stored.StoredMoreThanOnce(acknowledged);
        Assert.True(
            missing.Count == 0 && twice.Count == 0,
            $"seed {seed} (SCL_CRASH_SEED replays it): {missing.Count} of {acknowledged.Count} acknowledged calls missing ({StoredCalls.Sample(missing)}), "
            + $"{twice.Count} stored more than once ({StoredCalls.Sample(twice)}); restart replayed {health.Replayed}, journal mode {health.JournalMode};{rounds}");
    }

    private string[] ChildArgs(int round) => round % 2 == 1
        ? ["--db", _db.Path, "--rate", "2000", "--prefix", $"k{round}-", "--di"]
        : ["--db", _db.Path, "--rate", "2000", "--prefix", $"k{round}-"];
}
