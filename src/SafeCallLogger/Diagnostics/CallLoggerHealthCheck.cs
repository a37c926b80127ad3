using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SafeCallLogger;

/// <summary>
/// An ASP.NET Core health check: Healthy while running, Degraded while writes fail or the queue is nearly full
/// (<see cref="CallLoggerHealth.IsQueueNearlyFull"/>, from <see cref="CallLoggerOptions.QueueWarningRatio"/>),
/// Unhealthy (or the registration's failure status) when disabled or stopped. Register it with
/// <c>services.AddHealthChecks().AddSafeCallLogger()</c>. Never throws.
/// </summary>
/// <param name="logger">The logger to report on.</param>
public sealed class CallLoggerHealthCheck(ICallLogger logger) : IHealthCheck
{
    /// <inheritdoc/>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var health = logger.GetHealth();
        // A check built by hand (no registration) reports Unhealthy, as it did before registrations could say otherwise.
        var failure = context?.Registration is { } registration ? registration.FailureStatus : HealthStatus.Unhealthy;
        var data = new Dictionary<string, object>
        {
            ["state"] = health.State.ToString(),
            ["queue_depth"] = health.QueueDepth,
            ["queue_capacity"] = health.QueueCapacity,
            ["queue_warning_depth"] = health.QueueWarningDepth,
            ["accepted"] = health.Accepted,
            ["written"] = health.Written,
            ["rejected"] = health.Rejected,
            ["dropped"] = health.Dropped,
            ["errors"] = health.Errors,
            ["consecutive_errors"] = health.ConsecutiveErrors,
        };
        var result = health.State switch
        {
            CallLoggerState.Disabled => new HealthCheckResult(failure, $"Call logger disabled after {health.ConsecutiveErrors} consecutive errors: {health.LastError}", data: data),
            CallLoggerState.Stopped => new HealthCheckResult(failure, "Call logger stopped.", data: data),
            CallLoggerState.Degraded => HealthCheckResult.Degraded($"Storage writes failing: {health.LastError}", data: data),
            _ when health.IsQueueNearlyFull => HealthCheckResult.Degraded($"Queue at {health.QueueDepth}/{health.QueueCapacity}.", data: data),
            _ => HealthCheckResult.Healthy($"{health.Written} operations written.", data),
        };
        return Task.FromResult(result);
    }
}
