using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SafeCallLogger;
using SafeCallLogger.Configuration;
using SafeCallLogger.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the call logger in a service collection.</summary>
public static class SafeCallLoggerServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ICallLogger"/> (a singleton <see cref="CallLogger"/>, the one instance the container owns
    /// and disposes, once, with its owned sink; <see cref="CallLogger"/> itself is not a service: inject
    /// <see cref="ICallLogger"/>) and a hosted service that starts it with the generic host. Options are validated
    /// when the host starts, with every problem reported at once (their limits by a validator generated at build
    /// time). Safe to call more than once: configurations add up, services are registered once.
    /// <para>
    /// Shutdown: the generic host stops hosted services one by one in reverse registration order. The logger's hosted
    /// service flushes in its <c>StopAsync</c> but keeps accepting, and stops only in
    /// <c>IHostedLifecycleService.StoppedAsync</c>, after every hosted service has stopped: calls your own services
    /// log in their <c>StopAsync</c> are stored whether they were registered before or after this call. Calls logged
    /// later (in <c>StoppedAsync</c> or after the host stopped) are refused as stopped. Flush and stop share one
    /// <see cref="CallLoggerOptions.ShutdownTimeout"/>, within the host's own shutdown timeout.
    /// </para>
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options, e.g. <c>o =&gt; o.UseSqlite("Data Source=arbitrage_bot.db")</c>.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddSafeCallLogger(this IServiceCollection services, Action<CallLoggerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<CallLoggerOptions>().Configure(configure);
        return AddCore(services);
    }

    /// <summary>As <see cref="AddSafeCallLogger(IServiceCollection, Action{CallLoggerOptions})"/>, with access to the application's services while configuring.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddSafeCallLogger(this IServiceCollection services, Action<IServiceProvider, CallLoggerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<CallLoggerOptions>().Configure<IServiceProvider>((options, provider) => configure(provider, options));
        return AddCore(services);
    }

    /// <summary>Adds an alert handler resolved from the container, in addition to those set in the options.</summary>
    /// <typeparam name="THandler">The handler type.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddCallLoggerAlertHandler<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(this IServiceCollection services)
        where THandler : class, ICallLoggerAlertHandler
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICallLoggerAlertHandler, THandler>());
        return services;
    }

    private static IServiceCollection AddCore(IServiceCollection services)
    {
        services.AddOptions<CallLoggerOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CallLoggerOptions>, CallLoggerOptionsLimits>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CallLoggerOptions>, CallLoggerOptionsValidator>());
        // One registration owns the logger: a second service type forwarded to it would be disposed by the
        // container a second time, and an owned sink with it.
        services.TryAddSingleton<ICallLogger>(CreateLogger);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CallLoggerHostedService>());
        return services;
    }

    private static ICallLogger CreateLogger(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<CallLoggerOptions>>().Value;
        var sink = options.SinkFactory is { } factory ? factory(provider) : provider.GetRequiredService<ICallSink>();
        return new CallLogger(
            sink,
            options.SinkFactory is not null && options.OwnsSink,
            options,
            provider.GetServices<ICallLoggerAlertHandler>(),
            provider.GetService<ILoggerFactory>(),
            provider.GetService<TimeProvider>(),
            provider.GetService<IMeterFactory>());
    }
}
