using System.Globalization;

namespace SafeCallLogger.Storage;

/// <summary>
/// The <c>/ml_test</c> flow every <see cref="ICallStore.SelfTestAsync"/> runs: log a marked test call through the
/// logger, flush, let the store read it back and remove it, and say in one sentence what happened. Only the read-back
/// is the store's own.
/// </summary>
internal static class StoreSelfTest
{
    /// <summary>The prefix of a test call's id.</summary>
    public const string CallIdPrefix = "ml_test_";

    /// <summary>The <c>data_source</c> of a test call, which a store checks before it deletes anything.</summary>
    public const string DataSource = "ml_test";

    /// <summary>
    /// Runs the self-test. <paramref name="readBackAndRemove"/> gets the test call's id and returns whether the call
    /// was found (with <see cref="DataSource"/>) and removed. Never throws.
    /// </summary>
    public static async Task<SelfTestResult> RunAsync(
        ICallLogger logger,
        TimeSpan timeout,
        TimeProvider time,
        Func<string, CancellationToken, Task<bool>> readBackAndRemove,
        string whereWritten,
        CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        string? callId = null;
        SelfTestResult Result(bool success, string message) => new(success, message, time.GetElapsedTime(started), callId);
        try
        {
            ArgumentNullException.ThrowIfNull(logger);
            using var deadline = new CancellationTokenSource(timeout > TimeSpan.Zero ? timeout : TimeSpan.Zero, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
            callId = CallIdPrefix + Guid.NewGuid().ToString("N")[..16];
            var logged = logger.LogCallSafe(new CallRecord
            {
                CallId = callId,
                CallType = CallType.Arbitrage,
                Sport = "ml_test",
                TeamA = "ML TEST A",
                TeamB = "ML TEST B",
                BookmakerA = DataSource,
                BookmakerB = DataSource,
                OddsA = 2.0,
                OddsB = 2.0,
                RoiPercent = 0,
                UsersNotified = 0,
                DataSource = DataSource,
                AlertSentAt = time.GetUtcNow(),
            });
            if (!logged.IsAccepted)
            {
                return Result(false, $"The logger did not accept the test call ({logged.Status}{(logged.Status == LogStatus.Rejected ? ": " + logged.Reason : string.Empty)}).");
            }

            var flush = await logger.FlushAsync(timeout - time.GetElapsedTime(started), linked.Token).ConfigureAwait(false);
            if (!flush.Completed)
            {
                var health = logger.GetHealth();
                return Result(false, string.Create(CultureInfo.InvariantCulture, $"The test call was not written within {timeout.TotalSeconds:0.#} s (logger {health.State}, {flush.Pending} pending, last error: {health.LastError ?? "none"})."));
            }

            if (!await readBackAndRemove(callId, linked.Token).ConfigureAwait(false))
            {
                return Result(false, $"The test call was flushed but is not in {whereWritten}: the logger writes somewhere else, or the storage was replaced or deleted.");
            }

            return Result(true, string.Create(CultureInfo.InvariantCulture, $"Test call {callId} written, read back and removed in {time.GetElapsedTime(started).TotalMilliseconds:0} ms."));
        }
        catch (OperationCanceledException)
        {
            return Result(false, cancellationToken.IsCancellationRequested ? "The self-test was cancelled." : $"The self-test did not finish within {timeout}.");
        }
#pragma warning disable CA1031 // The self-test reports every failure; it never throws into the admin command.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Result(false, $"The self-test failed: {ex.GetType().Name}: {ex.Message}");
        }
    }
}
