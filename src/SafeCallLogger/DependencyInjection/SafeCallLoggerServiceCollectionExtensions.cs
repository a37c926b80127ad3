using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
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
    // The storage-agnostic contracts a storage's store may implement; each is registered as the same singleton.
    private static readonly Type[] StoreContracts = [typeof(ICallStore), typeof(ICallAnalytics)];

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
    /// <remarks>
    /// The storage's store (<c>SqliteCallStore</c> after <c>UseSqlite</c>) is registered too, on the same database. To
    /// learn its type before the container is built, <paramref name="configure"/> runs once here on a scratch copy of
    /// the options (and again, as every options delegate, when the options are built): keep it free of side effects.
    /// If it throws here, no store is registered and the error surfaces when the host starts.
    /// </remarks>
    public static IServiceCollection AddSafeCallLogger(this IServiceCollection services, Action<CallLoggerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<CallLoggerOptions>().Configure(configure);
        AddStore(services, configure);
        return AddCore(services);
    }

    /// <summary>
    /// As <see cref="AddSafeCallLogger(IServiceCollection, Action{CallLoggerOptions})"/>, with the options bound from
    /// <paramref name="configuration"/> (a section such as <c>builder.Configuration.GetSection("SafeCallLogger")</c>,
    /// its keys the option names, <c>Journal:Mode</c> for the nested <see cref="CallLoggerOptions.Journal"/>, durations
    /// as <c>"00:00:10"</c>) and then <paramref name="configure"/> applied, which chooses the storage (a sink cannot be
    /// bound). Bound values are validated with the others when the host starts, every problem reported at once; a
    /// value that is no number, duration or enum name at all fails the host start with the key it was read from.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section holding the options.</param>
    /// <param name="configure">Sets the rest, e.g. <c>o =&gt; o.UseSqlite("Data Source=arbitrage_bot.db")</c>.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddSafeCallLogger(this IServiceCollection services, IConfiguration configuration, Action<CallLoggerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(configure);
        Bind(services, configuration);
        return services.AddSafeCallLogger(configure);
    }

    /// <summary>
    /// As <see cref="AddSafeCallLogger(IServiceCollection, IConfiguration, Action{CallLoggerOptions})"/> with nothing
    /// set in code: the sink is the <see cref="ICallSink"/> registered in the container.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section holding the options.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddSafeCallLogger(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        Bind(services, configuration);
        return AddCore(services);
    }

    /// <summary>
    /// As <see cref="AddSafeCallLogger(IServiceCollection, Action{CallLoggerOptions})"/>, with access to the
    /// application's services while configuring. This overload cannot register the storage's store (it runs only once
    /// the container exists): choose the storage with the other overload, and add what needs services with this one;
    /// configurations add up.
    /// </summary>
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

    private static void Bind(IServiceCollection services, IConfiguration configuration)
    {
        // Bound by the binder's source generator (no reflection, AOT-safe). It skips what only code can set (sink and
        // store factories, alert handlers, the id time zone), saying so as SYSLIB1100/1101: silenced in the csproj.
        services.AddOptions<CallLoggerOptions>().Bind(configuration);
    }

    private static void AddStore(IServiceCollection services, Action<CallLoggerOptions> configure)
    {
        var scratch = new CallLoggerOptions();
        try
        {
            configure(scratch);
        }
#pragma warning disable CA1031 // Only the type is wanted here; the real run, when the options are built, reports the error.
        catch (Exception)
#pragma warning restore CA1031
        {
            return;
        }

        if (scratch.Store is { } store)
        {
            services.TryAdd(ServiceDescriptor.Singleton(store.ServiceType, provider => CreateStore(provider, store.ServiceType)));

            // The storage-agnostic contracts resolve to the same singleton, so /ml_stats and analytics work on any storage.
            foreach (var contract in StoreContracts)
            {
                if (store.ServiceType != contract && contract.IsAssignableFrom(store.ServiceType))
                {
                    var serviceType = store.ServiceType;
                    services.TryAdd(ServiceDescriptor.Singleton(contract, provider => provider.GetRequiredService(serviceType)));
                }
            }
        }
    }

    private static object CreateStore(IServiceProvider provider, Type serviceType)
    {
        var store = provider.GetRequiredService<IOptions<CallLoggerOptions>>().Value.Store;
        var instance = store?.Factory(provider);
        return serviceType.IsInstanceOfType(instance)
            ? instance
            : throw new InvalidOperationException($"{serviceType.Name} is registered, but the configured storage's store is {store?.ServiceType.Name ?? "none"}: the storage was changed after it was chosen.");
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
