using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SafeCallLogger.Tests.Support;

namespace SafeCallLogger.Tests;

public sealed class DependencyInjectionTests
{
    [Fact]
    public void AddSafeCallLogger_CalledTwice_RegistersOnceAndAddsConfigurations()
    {
        var sink = new InMemoryCallSink();
        var services = new ServiceCollection();
        services.AddSafeCallLogger(o => o.UseSink(sink));
        services.AddSafeCallLogger(o => o.QueueCapacity = 77);

        Assert.Single(services, d => d.ServiceType == typeof(ICallLogger));
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(CallLogger));
        Assert.Single(services, d => d.ServiceType == typeof(IHostedService));
        Assert.Equal(2, services.Count(d => d.ServiceType == typeof(IValidateOptions<CallLoggerOptions>)));
        using var provider = services.BuildServiceProvider();
        Assert.Equal(77, provider.GetRequiredService<IOptions<CallLoggerOptions>>().Value.QueueCapacity);
        Assert.IsType<CallLogger>(provider.GetRequiredService<ICallLogger>());
    }

    [Fact]
    public async Task Host_Stop_FlushesEveryQueuedCallToTheSink()
    {
        var sink = new InMemoryCallSink();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSafeCallLogger(o =>
        {
            o.UseSink(sink);
            o.QueueCapacity = 5_000;
        });
        using var host = builder.Build();
        await host.StartAsync();
        var logger = host.Services.GetRequiredService<ICallLogger>();

        var accepted = Enumerable.Range(0, 3_000).Count(i => logger.LogCallSafe(Calls.Arbitrage(i)).IsAccepted);
        await host.StopAsync();

        Assert.Equal(3_000, accepted);
        Assert.Equal(3_000, sink.Count);
        Assert.Equal(CallLoggerState.Stopped, logger.GetHealth().State);
    }

    [Fact]
    public async Task Host_Start_InvalidOptionsAndNoSink_FailsWithEveryMessage()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSafeCallLogger(o =>
        {
            o.QueueCapacity = -1;
            o.RetryBaseDelay = TimeSpan.FromSeconds(20);
            o.RetryMaxDelay = TimeSpan.FromSeconds(1);
        });
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        // The generated validator's limit, the cross-setting rule and the missing sink, together.
        Assert.Contains("QueueCapacity must be between 1 and 1,000,000 (was -1).", ex.Failures);
        Assert.Contains(ex.Failures, f => f.StartsWith("RetryMaxDelay (00:00:01) must not be shorter", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("No sink is configured", StringComparison.Ordinal));
        Assert.Equal(3, ex.Failures.Count());
    }

    [Fact]
    public async Task AddSafeCallLogger_SinkRegisteredInContainer_IsUsedAndAlertHandlersFromContainerToo()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ICallSink, FlakySink>();
        services.AddSingleton<RecordingAlertHandler>();
        services.AddCallLoggerAlertHandler<RecordingAlertHandler>();
        services.AddSafeCallLogger(o =>
        {
            o.RetryBaseDelay = TimeSpan.Zero;
            o.RetryMaxDelay = TimeSpan.Zero;
            o.ErrorAlertThreshold = 1;
        });
        await using var provider = services.BuildServiceProvider();

        var logger = provider.GetRequiredService<ICallLogger>();
        logger.LogCallSafe(Calls.Arbitrage(1));
        var handler = (RecordingAlertHandler)provider.GetServices<ICallLoggerAlertHandler>().Single();
        var alert = await handler.WaitFor(CallLoggerAlertKind.Errors);

        Assert.Equal(1, alert.Health.Errors);
    }

    [Fact]
    public async Task HealthCheck_ReportsHealthyThenUnhealthyWhenStopped()
    {
        var logger = new CallLogger(new InMemoryCallSink());
        var check = new CallLoggerHealthCheck(logger);

        var healthy = await check.CheckHealthAsync(new HealthCheckContext());
        await logger.DisposeAsync();
        var stopped = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        Assert.Equal(HealthStatus.Unhealthy, stopped.Status);
        Assert.Equal("Stopped", stopped.Data["state"]);
    }
}
