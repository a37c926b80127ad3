using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SafeCallLogger;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the call logger's health check to the health checks: <c>services.AddHealthChecks().AddSafeCallLogger()</c>.</summary>
public static class SafeCallLoggerHealthChecksBuilderExtensions
{
    /// <summary>The name of the check. The default of <see cref="AddSafeCallLogger"/>'s <c>name</c>.</summary>
    public const string DefaultName = "safecalllogger";

    /// <summary>
    /// Adds a <see cref="CallLoggerHealthCheck"/> on the container's <see cref="ICallLogger"/> (registered with
    /// <c>AddSafeCallLogger</c>): Healthy while running, Degraded while writes fail or the queue is nearly full,
    /// Unhealthy when disabled or stopped. Safe to call more than once: a check of the same name is added once.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name. The default is <see cref="DefaultName"/>.</param>
    /// <param name="failureStatus">What an unhealthy logger reports. The default is <see langword="null"/>: <see cref="HealthStatus.Unhealthy"/>.</param>
    /// <param name="tags">Tags to filter checks by. The default is <see langword="null"/>: none.</param>
    /// <param name="timeout">How long the check may take. The default is <see langword="null"/>: no timeout (the check only reads counters).</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddSafeCallLogger(
        this IHealthChecksBuilder builder,
        string name = DefaultName,
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null,
        TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var registration = new HealthCheckRegistration(
            name,
            provider => new CallLoggerHealthCheck(provider.GetRequiredService<ICallLogger>()),
            failureStatus,
            tags,
            timeout);

        // builder.Add would add a second check of the same name, which fails every health report.
        builder.Services.Configure<HealthCheckServiceOptions>(options =>
        {
            if (!options.Registrations.Any(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                options.Registrations.Add(registration);
            }
        });
        return builder;
    }
}
