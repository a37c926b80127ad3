using Microsoft.Extensions.Logging;
using SafeCallLogger.Tests.Support;

namespace SafeCallLogger.Tests.Writing;

/// <summary>One record storage cannot take never wedges the logger: it is set aside on its first real failure and kept.</summary>
public sealed class PoisonByCauseTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("scl-dead-").FullName;

    public static TheoryData<string, int, int> Positions => new()
    {
        { "alone", 0, 1 },
        { "first", 0, 5 },
        { "middle", 2, 5 },
        { "last", 4, 5 },
    };

    [Theory]
    [MemberData(nameof(Positions))]
    public async Task Unstorable_AtAnyPositionInItsBatch_SetAsideAtOnceAndKeptWhileEveryOtherCallIsStored(string position, int badIndex, int batchSize)
    {
        var clock = new FakeTimeProvider(TestClock.Start);
        var sink = new UnstorableSink(o => o.CallId == "bad");
        var options = new CallLoggerOptions { MaxBatchDelay = TimeSpan.FromSeconds(1), DeadLetterPath = Path.Combine(_dir, "dead.jsonl") };
        await using var logger = new CallLogger(sink, options, timeProvider: clock);

        // MaxBatchDelay on the manual clock: everything logged before the clock moves is one batch.
        for (var i = 0; i < batchSize; i++)
        {
            logger.LogCallSafe(Calls.Arbitrage(i, callId: i == badIndex ? "bad" : $"good{i}"));
        }

        await clock.AdvanceUntil(() => logger.GetHealth().Pending == 0, TimeSpan.FromSeconds(1), $"the batch with the bad call {position} settled");

        var health = logger.GetHealth();
        Assert.Equal(batchSize - 1, sink.Inner.Count);
        Assert.False(sink.Inner.TryGetCall("bad", out _));
        Assert.Equal(1, health.DeadLettered);
        Assert.Equal(0, health.Errors);
        Assert.Equal(CallLoggerState.Running, health.State);
        var letter = OperationJson.DeserializeDeadLetter(Assert.Single(File.ReadAllLines(options.DeadLetterPath)));
        Assert.Equal("bad", letter!.Operation.CallId);
        Assert.Contains("CHECK constraint failed", letter.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unstorable_OneInEveryHundred_EveryGoodCallStoredAndTheLoggerNeverDisables()
    {
        var sink = new UnstorableSink(o => o.CallId.StartsWith("bad", StringComparison.Ordinal));
        await using var logger = new CallLogger(sink, new CallLoggerOptions { DeadLetterPath = Path.Combine(_dir, "dead.jsonl") });

        var accepted = 0;
        for (var i = 0; i < 3_000; i++)
        {
            accepted += logger.LogCallSafe(Calls.Arbitrage(i, callId: i % 100 == 99 ? $"bad{i}" : $"good{i}")).IsAccepted ? 1 : 0;
            if (i % 500 == 0)
            {
                await logger.FlushAsync(TestWait.Guard);
            }
        }

        var flush = await logger.FlushAsync(TestWait.Guard);
        var health = logger.GetHealth();

        Assert.True(flush.Completed);
        Assert.Equal(3_000, accepted);
        Assert.Equal(2_970, sink.Inner.Count);
        Assert.Equal(30, health.DeadLettered);
        Assert.Equal(0, health.Errors);
        Assert.Equal(0, health.Dropped);
        Assert.Equal(30, File.ReadAllLines(Path.Combine(_dir, "dead.jsonl")).Length);
    }

    [Fact]
    public async Task Unstorable_WhileDisabled_SetAsideByTheProbeAndTheLoggerRecovers()
    {
        var clock = new FakeTimeProvider(TestClock.Start);
        var alerts = new RecordingAlertHandler();
        var sink = new UnstorableSink(o => o.CallId == "bad") { Down = true };
        var options = new CallLoggerOptions { DisableAfterConsecutiveErrors = 3, ProbeInterval = TimeSpan.FromSeconds(30), DeadLetterPath = Path.Combine(_dir, "dead.jsonl") };
        options.OnAlert(alerts);
        await using var logger = new CallLogger(sink, options, timeProvider: clock);

        logger.LogCallSafe(Calls.Arbitrage(1, callId: "bad"));
        logger.LogCallSafe(Calls.Arbitrage(2, callId: "good"));
        await clock.AdvanceUntil(() => logger.GetHealth().State == CallLoggerState.Disabled, TimeSpan.FromSeconds(1), "disabled by the outage");
        sink.Down = false;
        await clock.AdvanceUntil(() => logger.GetHealth().State == CallLoggerState.Running, TimeSpan.FromSeconds(5), "the probe's write");
        await logger.FlushAsync(TestWait.Guard);

        Assert.True(sink.Inner.TryGetCall("good", out _));
        Assert.Equal(1, logger.GetHealth().DeadLettered);
        await alerts.WaitFor(CallLoggerAlertKind.Recovered);
        await alerts.WaitFor(CallLoggerAlertKind.PoisonOperation);
    }

    [Fact]
    public async Task PlainFailure_PoisonAloneInItsBatch_FoundOnceLaterCallsArriveAndKept()
    {
        var clock = new FakeTimeProvider(TestClock.Start);
        var sink = new PoisonSink("bad");
        var options = new CallLoggerOptions { DeadLetterPath = Path.Combine(_dir, "dead.jsonl") };
        await using var logger = new CallLogger(sink, options, timeProvider: clock);

        // The sink throws a plain exception: it cannot name the culprit, so only a comparison with later calls can.
        logger.LogCallSafe(Calls.Arbitrage(0, callId: "bad"));
        await clock.AdvanceUntil(() => logger.GetHealth().Errors >= 2, TimeSpan.FromMilliseconds(100), "the lone poison failing");
        for (var i = 1; i <= 20; i++)
        {
            logger.LogCallSafe(Calls.Arbitrage(i, callId: $"good{i}"));
        }

        await clock.AdvanceUntil(() => logger.GetHealth().Pending == 0, TimeSpan.FromMilliseconds(500), "everything settled");

        Assert.Equal(20, sink.Inner.Count);
        Assert.Equal(1, logger.GetHealth().DeadLettered);
        Assert.NotEqual(CallLoggerState.Disabled, logger.GetHealth().State);
    }

    [Fact]
    public async Task Unstorable_NoDeadLetterStore_LoggedWholeAndCountedAsQuarantined()
    {
        var logs = new FakeLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        var sink = new UnstorableSink(o => o.CallId == "bad");
        await using var logger = new CallLogger(sink, loggerFactory: factory);

        logger.LogCallSafe(Calls.Arbitrage(1, callId: "bad"));
        await logger.FlushAsync(TestWait.Guard);

        Assert.Equal(1, logger.GetHealth().Quarantined);
        await TestWait.Until(() => logs.Collector.GetSnapshot().Any(l => l.Message.Contains("only copy", StringComparison.Ordinal) && l.Message.Contains("Lakers 1", StringComparison.Ordinal)), "the letter logged whole");
    }

    [Fact]
    public async Task Unstorable_SinkKeepsDeadLetters_KeptInTheSinkWithTheErrorAndNotInTheFile()
    {
        var sink = new UnstorableSinkWithDeadLetters(o => o.CallId == "bad");
        var options = new CallLoggerOptions { DeadLetterPath = Path.Combine(_dir, "dead.jsonl") };
        await using var logger = new CallLogger(sink, options);

        logger.LogCallSafe(Calls.Arbitrage(1, callId: "bad"));
        logger.LogCallSafe(Calls.Arbitrage(2, callId: "good"));
        await logger.FlushAsync(TestWait.Guard);

        var letter = Assert.Single(sink.Inner.GetDeadLetters());
        Assert.Equal("bad", letter.Operation.CallId);
        Assert.Contains("CHECK constraint failed", letter.Error, StringComparison.Ordinal);
        Assert.True(sink.Inner.TryGetCall("good", out _));
        Assert.Equal(1, logger.GetHealth().DeadLettered);
        Assert.False(File.Exists(options.DeadLetterPath));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
