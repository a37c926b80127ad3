namespace SafeCallLogger.Tests.Diagnostics;

public sealed class CallLoggerHealthTests
{
    [Fact]
    public async Task ToString_AfterRejections_PrintsEachReasonWithItsCount()
    {
        await using var logger = new CallLogger(new InMemoryCallSink());
        logger.UpdateResultSafe("abc123", (CallOutcome)99, profitActual: null);
        logger.IncrementClickSafe("not a call id!");
        logger.IncrementClickSafe("still not one!");

        var text = logger.GetHealth().ToString();

        Assert.Contains("RejectedByReason = { InvalidCallId = 2, UnknownEnumValue = 1 }", text, StringComparison.Ordinal);
        Assert.DoesNotContain("System.Collections", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToString_NoRejection_PrintsEmptyBraces()
    {
        await using var logger = new CallLogger(new InMemoryCallSink());

        Assert.Contains("RejectedByReason = { }", logger.GetHealth().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RejectedByReason_InitWithPlainDictionary_KeepsTheCountsAndRecordEquality()
    {
        var counts = new Dictionary<RejectionReason, long> { [RejectionReason.InvalidOdds] = 3 };

        var health = new CallLoggerHealth
        {
            State = CallLoggerState.Running, QueueDepth = 0, QueueCapacity = 1, QueueWarningDepth = 1, Accepted = 0, Rejected = 3,
            RejectedByReason = counts, Written = 0, Pending = 0, DroppedQueueFull = 0, DroppedDisabled = 0, DroppedStopped = 0,
            DroppedOverwritten = 0, Quarantined = 0, AbandonedAtShutdown = 0, Successes = 0, Errors = 0, ConsecutiveErrors = 0,
        };

        Assert.Equal(3, health.RejectedByReason[RejectionReason.InvalidOdds]);
        Assert.Single(health.RejectedByReason);
        Assert.Contains("RejectedByReason = { InvalidOdds = 3 }", health.ToString(), StringComparison.Ordinal);
        Assert.Equal(health, health with { });
        Assert.Equal(health, new CallLoggerHealth
        {
            State = CallLoggerState.Running, QueueDepth = 0, QueueCapacity = 1, QueueWarningDepth = 1, Accepted = 0, Rejected = 3,
            RejectedByReason = counts, Written = 0, Pending = 0, DroppedQueueFull = 0, DroppedDisabled = 0, DroppedStopped = 0,
            DroppedOverwritten = 0, Quarantined = 0, AbandonedAtShutdown = 0, Successes = 0, Errors = 0, ConsecutiveErrors = 0,
        });
    }
}
