using System.Globalization;
using SafeCallLogger.Tests.Support;

namespace SafeCallLogger.Tests.Journal;

/// <summary>
/// Spill mode through a long outage: while the sink fails, new operations go to the journal instead of being refused,
/// and once it works again the journal is replayed to it in order, each operation once.
/// </summary>
public sealed class SpillReplayTests
{
    private const int CallCount = 2_500;
    private const int FailedAttempts = 10_000;

    [Fact]
    public async Task Spill_SinkDownFor10000BatchesThenBack_EveryOperationWrittenInOrder()
    {
        using var journal = new TempJournal();
        var sink = new DownForAttemptsSink(FailedAttempts);

        // A retry delay of one tick: 10,000 failed writes go by in moments, and, not being zero, it allows a
        // DisableAfterConsecutiveErrors above 1,000, so the logger never disables itself during the outage.
        var options = new CallLoggerOptions
        {
            RetryBaseDelay = TimeSpan.FromTicks(1),
            RetryMaxDelay = TimeSpan.FromTicks(1),
            DisableAfterConsecutiveErrors = int.MaxValue,
            Journal = { Mode = JournalMode.Spill, Directory = journal.Path },
        };
        Assert.Empty(options.Validate());
        var refused = new Dictionary<LogStatus, int>();
        CallLoggerHealth health;
        await using (var logger = new CallLogger(sink, options))
        {
            // Per call, the four operations a bot sends: the call, a click, a first result and its correction.
            for (var i = 0; i < CallCount; i++)
            {
                var id = Id(i);
                Count(refused, logger.LogCallSafe(Calls.Arbitrage(i, callId: id, usersNotified: 1)));
                Count(refused, logger.IncrementClickSafe(id, 7));
                Count(refused, logger.UpdateResultSafe(id, CallOutcome.Push, 0));
                Count(refused, logger.UpdateResultSafe(id, CallOutcome.AWon, 1.5));
            }

            await TestWait.Until(() => sink.Attempts >= FailedAttempts, $"{FailedAttempts:N0} failed writes");
            sink.Recover();
            var flush = await logger.FlushAsync(TestWait.Guard);
            Assert.True(flush.Completed && flush.Lost == 0, flush.ToString());
            health = logger.GetHealth();
        }

        // Checked once the sink is back, so that a failure here does not leave the logger to a dead sink at dispose.
        Assert.True(refused.Count == 0, $"refused while the journal had room: {string.Join(", ", refused.Select(p => $"{p.Key} {p.Value:N0}"))}");
        Assert.True(health.Journaled > 0, $"nothing went through the journal: {health}");
        var written = sink.Written.ToList();
        Assert.Equal(written.Count, written.Select(o => o.OperationId).Distinct().Count());
        Assert.Equal(4 * CallCount, written.Count);
        CallOperationKind[] expected = [CallOperationKind.UpsertCall, CallOperationKind.AddClick, CallOperationKind.SetResult, CallOperationKind.SetResult];
        foreach (var call in written.GroupBy(o => o.CallId))
        {
            var operations = call.ToList();
            Assert.Equal(expected, operations.Select(o => o.Kind));
            Assert.Equal([CallOutcome.Push, CallOutcome.AWon], operations.Skip(2).Select(o => o.Outcome));
        }
    }

    private static string Id(int i) => "call" + i.ToString("D6", CultureInfo.InvariantCulture);

    private static void Count(Dictionary<LogStatus, int> refused, LogResult result)
    {
        if (!result.IsAccepted)
        {
            refused[result.Status] = refused.GetValueOrDefault(result.Status) + 1;
        }
    }
}
