using SafeCallLogger.Tests.Support;

namespace SafeCallLogger.Tests.Writing;

/// <summary>Regressions found by reviewing the rewritten writer: each failed on the code before its fix.</summary>
public sealed class WriterReviewTests
{
    [Fact]
    public async Task WriteTimeout_AWriteAfterASuccessfulOneHangs_IsCutOffLikeTheFirst()
    {
        // The system clock on purpose: only its timers let a timeout source be reset and reused between writes.
        var sink = new HangsOnNthWriteSink(hangOn: 2);
        var options = new CallLoggerOptions { WriteTimeout = TimeSpan.FromMilliseconds(200), RetryBaseDelay = TimeSpan.FromMilliseconds(1) };
        var logger = new CallLogger(sink, options);

        logger.LogCallSafe(Calls.Arbitrage(1, callId: "first"));
        await TestWait.Until(() => logger.GetHealth().Written == 1, "the first write");
        logger.LogCallSafe(Calls.Arbitrage(2, callId: "second"));

        // The second write ignores its token: only the write timeout can free the writer, which then writes it again.
        await TestWait.Until(() => sink.Inner.TryGetCall("second", out _), "the hanging write cut off by WriteTimeout, then retried");
        Assert.Equal(1, logger.GetHealth().Errors);
        Assert.Contains("did not finish", logger.GetHealth().LastError, StringComparison.Ordinal);
        sink.Release();
        await logger.DisposeAsync();
    }
}
