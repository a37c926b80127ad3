using Microsoft.Extensions.Logging;
using SafeCallLogger.Tests.Support;

namespace SafeCallLogger.Tests.Diagnostics;

/// <summary>No log provider can block or flood a caller: lines are written off the caller's thread, rate-limited, escaped and cut.</summary>
public sealed class LoggingOffTheCallerTests
{
    [Fact]
    public async Task SafeMethods_LogProviderBlockedForever_EveryCallReturnsWhileItIsBlocked()
    {
        var blocked = new BlockingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(blocked).SetMinimumLevel(LogLevel.Trace));
        var sink = new InMemoryCallSink();
        var logger = new CallLogger(sink, new CallLoggerOptions { QueueCapacity = 10_000 }, factory);

        // Half the input invalid, as in the run: every rejection wants a warning line.
        var calls = Task.Run(() =>
        {
            var accepted = 0;
            for (var i = 0; i < 2_000; i++)
            {
                accepted += logger.LogCallSafe(i % 2 == 0 ? Calls.Arbitrage(i) : Calls.Arbitrage(i, callId: "bad id!")).IsAccepted ? 1 : 0;
                logger.IncrementClickSafe(i % 2 == 0 ? "x" : null);
            }

            return accepted;
        });

        var accepted = await calls.WaitAsync(TestWait.Guard);
        await TestWait.Until(() => blocked.Entered > 0, "the provider to be entered (and stuck) by the log pump");
        var flush = await logger.FlushAsync(TestWait.Guard);

        Assert.Equal(1_000, accepted);
        Assert.True(flush.Completed);
        Assert.Equal(1_000, sink.Count);
        Assert.Equal(1, blocked.Entered);
        blocked.Release();
        await logger.DisposeAsync();
    }

    [Fact]
    public async Task Rejected_IdWithLineBreaksAndTenThousandCharacters_LoggedOnOneLineEscapedAndCut()
    {
        var logs = new FakeLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        await using var logger = new CallLogger(new InMemoryCallSink(), loggerFactory: factory);
        var forged = "abc\r\n2026-12-01 info: ML: Logged call FAKE (sent to 999 users)" + new string('x', 10_000);

        var result = logger.IncrementClickSafe(forged, 1);

        Assert.Equal(RejectionReason.InvalidCallId, result.Reason);
        await TestWait.Until(() => logs.Collector.GetSnapshot().Any(l => l.Message.Contains("rejected", StringComparison.Ordinal)), "the rejection's line");
        var line = logs.Collector.GetSnapshot().Single(l => l.Message.Contains("rejected", StringComparison.Ordinal)).Message;
        Assert.DoesNotContain('\r', line);
        Assert.DoesNotContain('\n', line);
        Assert.Contains("abc\\u000d\\u000a2026", line, StringComparison.Ordinal);
        Assert.True(line.Length < 300, $"{line.Length} characters");
    }

    [Fact]
    public async Task Rejections_AFloodWithinAMinute_TenLinesThenOneThatCountsTheRest()
    {
        var clock = new FakeTimeProvider(TestClock.Start);
        var logs = new FakeLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        var logger = new CallLogger(new InMemoryCallSink(), loggerFactory: factory, timeProvider: clock);

        for (var i = 0; i < 500; i++)
        {
            logger.IncrementClickSafe("bad id!");
        }

        clock.Advance(TimeSpan.FromMinutes(1));
        logger.IncrementClickSafe("bad id!");
        await TestWait.Until(() => logs.Collector.GetSnapshot().Any(l => l.Message.Contains("490 more rejections", StringComparison.Ordinal)), "the count of the lines held back");

        Assert.Equal(501, logger.GetHealth().RejectedByReason[RejectionReason.InvalidCallId]);
        Assert.Equal(11, logs.Collector.GetSnapshot().Count(l => l.Message.Contains("rejected: InvalidCallId", StringComparison.Ordinal)));
        await clock.RunUntilAsync(logger.DisposeAsync().AsTask());
    }
}
