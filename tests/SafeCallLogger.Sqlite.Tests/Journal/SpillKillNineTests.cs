using System.Text;
using SafeCallLogger.Sqlite.Tests.Support;

namespace SafeCallLogger.Sqlite.Tests.Journal;

/// <summary>
/// Spill mode (the default for SQLite) under <c>kill -9</c> while another process holds the write lock, so every
/// child spills to the journal: no call is refused, and a crash loses at most what was in memory when journaling
/// began (QueueCapacity + MaxBatchSize operations).
/// </summary>
public sealed class SpillKillNineTests : IDisposable
{
    private const int Kills = 10;
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Spill_KillNineTenTimesInARowWhileSqliteWriteLocked_LosesAtMostTheDocumentedWindow()
    {
        var defaults = new CallLoggerOptions();
        var window = defaults.QueueCapacity + defaults.MaxBatchSize;
        var seed = CrashSeed.Next();
        var random = new Random(seed);
        var children = new List<(string[] Accepted, string[] Refused, int Calls)>();
        await ExistingDatabase.CreateAsync(_db.ConnectionString);
        using (var holder = await WriteLockHolder.HoldAsync(_db.Path))
        {
            for (var round = 0; round < Kills; round++)
            {
                // Past the queue's capacity, so journaling has begun whichever trigger came first; up to 2 s of calls.
                var killAfter = random.Next(defaults.QueueCapacity + 500, 4_000);
                // Odd rounds build the logger through the generic host, even ones through constructors.
                using var child = round % 2 == 1
                    ? CrashChildProcess.Start("--db", _db.Path, "--rate", "2000", "--prefix", $"s{round}-", "--di")
                    : CrashChildProcess.Start("--db", _db.Path, "--rate", "2000", "--prefix", $"s{round}-");
                await child.WaitForCallsAsync(killAfter);
                await child.KillAsync();
                children.Add(([.. child.Accepted], [.. child.Refused], child.Calls));
            }

            await holder.ReleaseAsync();
        }

        // The restart that ends normally, with the defaults, on the same database and so the same journal.
        CallLoggerHealth health;
        await using (var sink = new SqliteCallSink(_db.ConnectionString))
        await using (var logger = new CallLogger(sink))
        {
            Assert.True(logger.LogCallSafe(TestData.Call("after-the-kills")).IsAccepted);
            await TestWait.Until(() => logger.GetHealth().JournalPending == 0, "the journal replayed");
            Assert.True((await logger.FlushAsync(TestWait.Guard)).Completed);
            health = logger.GetHealth();
        }

        var stored = await StoredCalls.ReadAsync(_db.Path);
        var report = new StringBuilder($"seed {seed} (SCL_CRASH_SEED replays it), window {window}, restart replayed {health.Replayed}:");
        var refused = 0;
        var firstRefused = children.SelectMany(c => c.Refused).FirstOrDefault() ?? "none";
        var worst = 0;
        var twice = new List<string>();
        for (var round = 0; round < children.Count; round++)
        {
            var (accepted, refusedLines, calls) = children[round];
            var missing = stored.Missing(accepted).Count;
            refused += refusedLines.Length;
            worst = Math.Max(worst, missing);
            twice.AddRange(stored.StoredMoreThanOnce(accepted));
            report.Append($" [{round}: {calls} calls, {accepted.Length} accepted, {refusedLines.Length} refused, {missing} accepted missing]");
        }

        Assert.True(refused == 0, $"{refused} calls refused while the journal had room (first: {firstRefused}); {report}");
        Assert.True(worst <= window, $"a crash lost {worst} accepted calls, more than {window}; {report}");
        Assert.True(twice.Count == 0, $"{twice.Count} stored more than once ({StoredCalls.Sample(twice)}); {report}");
    }
}
