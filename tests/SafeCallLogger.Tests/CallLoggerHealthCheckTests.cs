using Microsoft.Extensions.Diagnostics.HealthChecks;
using SafeCallLogger.Internal;
using SafeCallLogger.Tests.Support;

namespace SafeCallLogger.Tests;

/// <summary>The health check reads "nearly full" from the health's own warning depth, never from a fixed ratio.</summary>
public sealed class CallLoggerHealthCheckTests
{
    [Theory]
    [InlineData(6, 5, HealthStatus.Degraded)] // QueueWarningRatio 0.5: 60 % is already nearly full.
    [InlineData(8, 9, HealthStatus.Healthy)] // QueueWarningRatio 0.9: 80 % is not yet.
    [InlineData(9, 9, HealthStatus.Degraded)]
    public async Task CheckHealthAsync_NonDefaultWarningDepth_DegradedFromThatDepthOn(int depth, int warningDepth, HealthStatus expected)
    {
        var check = new CallLoggerHealthCheck(new FixedHealthLogger(new LoggerCounters().Snapshot(CallLoggerState.Running, 10, warningDepth) with { QueueDepth = depth }));

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(expected, result.Status);
        Assert.Equal(warningDepth, result.Data["queue_warning_depth"]);
    }

    [Fact]
    public void Snapshot_WarningDepthGiven_IsReportedAsIs()
    {
        var health = new LoggerCounters().Snapshot(CallLoggerState.Running, 1000, 500);

        Assert.Equal(500, health.QueueWarningDepth);
        Assert.False(health.IsQueueNearlyFull);
    }

    [Fact]
    public async Task GetHealth_DefaultOptions_ReportsTheDefaultRatiosDepth()
    {
        await using var logger = new CallLogger(new InMemoryCallSink());

        Assert.Equal(800, logger.GetHealth().QueueWarningDepth);
    }

    [Fact]
    public async Task GetHealth_QueueWarningRatioHalf_ReportsItsDepthAndTheCheckDegradesAtIt()
    {
        var sink = new HangingSink(honourToken: true);
        await using var logger = new CallLogger(sink, new CallLoggerOptions { QueueCapacity = 10, MaxBatchSize = 1, QueueWarningRatio = 0.5, ShutdownTimeout = TimeSpan.Zero });
        logger.LogCallSafe(Calls.Arbitrage(0));
        await sink.Entered;
        for (var i = 1; i <= 5; i++)
        {
            logger.LogCallSafe(Calls.Arbitrage(i));
        }

        var health = logger.GetHealth();
        var result = await new CallLoggerHealthCheck(logger).CheckHealthAsync(new HealthCheckContext());
        sink.Release();

        Assert.Equal(5, health.QueueWarningDepth);
        Assert.Equal(HealthStatus.Degraded, result.Status);
    }

    private sealed class FixedHealthLogger(CallLoggerHealth health) : ICallLogger
    {
        public CallLoggerHealth GetHealth() => health;

        public LogResult LogCallSafe(CallRecord call) => throw new NotSupportedException();

        public LogResult IncrementClickSafe(string? callId, long? userId = null) => throw new NotSupportedException();

        public LogResult UpdateResultSafe(string? callId, CallOutcome outcome, double? profitActual) => throw new NotSupportedException();

        public LogResult RecordClosingLinesSafe(string? callId, Odds closingLineA, Odds closingLineB, LineMovementSpeed? lineMovementSpeed = null) => throw new NotSupportedException();

        public ValueTask<FlushResult> FlushAsync(TimeSpan timeout, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
