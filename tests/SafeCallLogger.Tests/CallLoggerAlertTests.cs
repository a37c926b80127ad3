using SafeCallLogger.Tests.Support;

namespace SafeCallLogger.Tests;

public sealed class CallLoggerAlertTests
{
    /// <summary>
    /// Retries every millisecond of the manual clock and never disables, for tests that need many errors in a row.
    /// (Retrying with no delay and never disabling is refused by validation: a hot loop.)
    /// </summary>
    private static CallLoggerOptions NeverDisabling(params ICallLoggerAlertHandler[] handlers)
    {
        var options = FastRetries(handlers);
        options.RetryBaseDelay = options.RetryMaxDelay = TimeSpan.FromMilliseconds(1);
        options.DisableAfterConsecutiveErrors = int.MaxValue;
        return options;
    }

    /// <summary>Moves the fake clock on a millisecond at a time, so retries happen, until <paramref name="condition"/> holds.</summary>
    private static Task Drive(FakeTimeProvider time, Func<bool> condition, string what) => TestWait.Until(
        () =>
        {
            if (condition())
            {
                return true;
            }

            time.Advance(TimeSpan.FromMilliseconds(1));
            return false;
        },
        what);

    private static CallLoggerOptions FastRetries(params ICallLoggerAlertHandler[] handlers)
    {
        var options = new CallLoggerOptions { RetryBaseDelay = TimeSpan.Zero, RetryMaxDelay = TimeSpan.Zero, ProbeInterval = TimeSpan.FromMinutes(1) };
        foreach (var handler in handlers)
        {
            options.OnAlert(handler);
        }

        return options;
    }

    [Fact]
    public async Task Errors_TenthError_WarningThenHundredthConsecutive_CriticalAndDisabled()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        var sink = new FlakySink();
        var alerts = new RecordingAlertHandler();
        var logger = new CallLogger(sink, FastRetries(alerts), timeProvider: time);

        var accepted = logger.LogCallSafe(Calls.Arbitrage(1));
        var warning = await alerts.WaitFor(CallLoggerAlertKind.Errors);
        var critical = await alerts.WaitFor(CallLoggerAlertKind.Disabled);

        Assert.True(accepted.IsAccepted);
        Assert.Equal(CallLoggerAlertSeverity.Warning, warning.Severity);
        Assert.Equal(10, warning.Health.Errors);
        Assert.Equal(0, warning.Health.Successes);
        Assert.Contains("database is locked", warning.Health.LastError, StringComparison.Ordinal);
        Assert.Contains("Errors: 10", warning.Message, StringComparison.Ordinal);
        Assert.Equal(CallLoggerAlertSeverity.Critical, critical.Severity);
        Assert.Equal(100, critical.Health.ConsecutiveErrors);
        Assert.Equal(CallLoggerState.Disabled, critical.Health.State);
        Assert.Equal(CallLoggerState.Disabled, logger.GetHealth().State);
        Assert.False(logger.GetHealth().IsEnabled);
        Assert.Equal(LogStatus.Disabled, logger.LogCallSafe(Calls.Arbitrage(2)).Status);
        Assert.Equal(1, logger.GetHealth().Pending);
        await time.RunUntilAsync(logger.DisposeAsync().AsTask());
    }

    [Fact]
    public async Task Disabled_StorageBack_ProbeRecoversWritesTheKeptCallAndSaysSo()
    {
        var time = new TimerCountingTimeProvider();
        var sink = new FlakySink();
        var alerts = new RecordingAlertHandler();
        var logger = new CallLogger(sink, FastRetries(alerts), timeProvider: time);
        var kept = logger.LogCallSafe(Calls.Arbitrage(1));
        await alerts.WaitFor(CallLoggerAlertKind.Disabled);
        await TestWait.Until(() => time.PendingTimers > 0, "the writer to wait for its probe");

        sink.Failing = false;
        time.Advance(TimeSpan.FromMinutes(1));
        var recovered = await alerts.WaitFor(CallLoggerAlertKind.Recovered);
        await logger.FlushAsync(TestWait.Guard);

        Assert.Equal(CallLoggerAlertSeverity.Information, recovered.Severity);
        Assert.Equal(CallLoggerState.Running, logger.GetHealth().State);
        Assert.Contains(sink.Written, o => o.CallId == kept.CallId);
        Assert.True(logger.LogCallSafe(Calls.Arbitrage(2)).IsAccepted);
        await time.RunUntilAsync(logger.DisposeAsync().AsTask());
    }

    [Fact]
    public async Task Errors_ManyMoreWithinTheInterval_RateLimitedToOneWarning()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        var sink = new FlakySink();
        var alerts = new RecordingAlertHandler();
        var options = NeverDisabling(alerts);
        var logger = new CallLogger(sink, options, timeProvider: time);

        logger.LogCallSafe(Calls.Arbitrage(1));
        await Drive(time, () => logger.GetHealth().Errors >= 200, "200 errors");
        await alerts.WaitFor(CallLoggerAlertKind.Errors);

        Assert.Single(alerts.Alerts, a => a.Kind == CallLoggerAlertKind.Errors);

        // Once the interval has passed, the next threshold crossing goes out and says how many were held back.
        time.Advance(TimeSpan.FromMinutes(5));
        await Drive(time, () => alerts.Alerts.Count(a => a.Kind == CallLoggerAlertKind.Errors) == 2, "a second warning");
        Assert.True(alerts.Alerts.Last(a => a.Kind == CallLoggerAlertKind.Errors).SuppressedSinceLast > 0);
        sink.Failing = false;
        await time.RunUntilAsync(logger.DisposeAsync().AsTask());
    }

    [Fact]
    public async Task AlertHandler_ThrowsOrHangs_LoggingCarriesOnAndOtherHandlersStillHear()
    {
        var time = new TimerCountingTimeProvider();
        var sink = new FlakySink();
        var recording = new RecordingAlertHandler();
        var options = NeverDisabling();
        options.OnAlert((_, _) => throw new InvalidOperationException("admin chat unreachable"));
        options.OnAlert((_, _) => new ValueTask(Task.Delay(Timeout.Infinite)));
        options.OnAlert(_ => throw new InvalidOperationException("sync handler broke"));
        options.OnAlert(recording);
        var logger = new CallLogger(sink, options, timeProvider: time);

        logger.LogCallSafe(Calls.Arbitrage(1));
        await Drive(time, () => logger.GetHealth().Errors >= 10, "ten errors");

        // The hanging handler is abandoned when its timeout (10 s) passes; the recording handler then gets the alert.
        // The clock moves a second at a time until it does, however late (on a loaded machine) the timeout was armed.
        await TestWait.Until(
            () =>
            {
                if (recording.Alerts.Any(a => a.Kind == CallLoggerAlertKind.Errors))
                {
                    return true;
                }

                time.Advance(TimeSpan.FromSeconds(1));
                return false;
            },
            "the alert to get past the hanging handler");
        var warning = recording.Alerts.First(a => a.Kind == CallLoggerAlertKind.Errors);
        sink.Failing = false;
        var results = Enumerable.Range(2, 50).Select(i => logger.LogCallSafe(Calls.Arbitrage(i))).ToList();

        Assert.Equal(CallLoggerAlertKind.Errors, warning.Kind);
        Assert.All(results, r => Assert.True(r.IsAccepted));
        await time.RunUntilAsync(logger.DisposeAsync().AsTask());
    }

    [Fact]
    public async Task QueueNearlyFull_PastEightyPercent_AlertsBeforeAnythingIsLost()
    {
        var sink = new HangingSink(honourToken: true);
        var alerts = new RecordingAlertHandler();
        await using var logger = new CallLogger(sink, new CallLoggerOptions { QueueCapacity = 10, MaxBatchSize = 1 }.OnAlert(alerts));

        logger.LogCallSafe(Calls.Arbitrage(0));
        await sink.Entered.WaitAsync(TestWait.Guard);
        for (var i = 1; i <= 8; i++)
        {
            logger.LogCallSafe(Calls.Arbitrage(i));
        }

        var alert = await alerts.WaitFor(CallLoggerAlertKind.QueueNearlyFull);

        Assert.Equal(8, alert.Health.QueueDepth);
        Assert.Equal(0, alert.Health.Dropped);
        Assert.Contains("8/10", alert.Message, StringComparison.Ordinal);
        sink.Release();
    }
}
