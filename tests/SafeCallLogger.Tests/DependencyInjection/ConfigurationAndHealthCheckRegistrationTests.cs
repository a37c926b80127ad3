using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SafeCallLogger.Tests.Support;

namespace SafeCallLogger.Tests.DependencyInjection;

public sealed class ConfigurationAndHealthCheckRegistrationTests
{
    [Fact]
    public void AddSafeCallLogger_ConfigurationSection_BindsTheOptionsAndTheNestedJournal()
    {
        var section = Section(new()
        {
            ["SafeCallLogger:QueueCapacity"] = "77",
            ["SafeCallLogger:QueueFullMode"] = "DropOldest",
            ["SafeCallLogger:ShutdownTimeout"] = "00:00:03",
            ["SafeCallLogger:DeadLetterPath"] = "letters.jsonl",
            ["SafeCallLogger:Journal:Mode"] = "Off",
            ["SafeCallLogger:Journal:SpillQueueRatio"] = "0.25",
        });
        var services = new ServiceCollection();
        services.AddSafeCallLogger(section, o => o.UseSink(new InMemoryCallSink()));

        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<CallLoggerOptions>>().Value;

        Assert.Equal(77, options.QueueCapacity);
        Assert.Equal(QueueFullMode.DropOldest, options.QueueFullMode);
        Assert.Equal(TimeSpan.FromSeconds(3), options.ShutdownTimeout);
        Assert.Equal("letters.jsonl", options.DeadLetterPath);
        Assert.Equal(JournalMode.Off, options.Journal.Mode);
        Assert.Equal(0.25, options.Journal.SpillQueueRatio);
        Assert.Equal(new CallLoggerOptions().MaxBatchSize, options.MaxBatchSize);
    }

    [Fact]
    public void AddSafeCallLogger_ConfigurationThenCode_CodeWins()
    {
        var services = new ServiceCollection();
        services.AddSafeCallLogger(Section(new() { ["SafeCallLogger:QueueCapacity"] = "77" }), o => o.UseSink(new InMemoryCallSink()).QueueCapacity = 99);

        using var provider = services.BuildServiceProvider();

        Assert.Equal(99, provider.GetRequiredService<IOptions<CallLoggerOptions>>().Value.QueueCapacity);
    }

    [Fact]
    public async Task AddSafeCallLogger_ConfigurationOutOfRange_HostStartReportsEveryErrorAtOnce()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSafeCallLogger(
            Section(new()
            {
                ["SafeCallLogger:QueueCapacity"] = "0",
                ["SafeCallLogger:RetryBaseDelay"] = "00:00:20",
                ["SafeCallLogger:RetryMaxDelay"] = "00:00:01",
                ["SafeCallLogger:Journal:SpillQueueRatio"] = "2",
            }),
            o => o.UseSink(new InMemoryCallSink()));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(error.Failures, f => f.Contains("QueueCapacity", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("RetryMaxDelay", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("SpillQueueRatio", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddSafeCallLogger_ConfigurationOnly_UsesTheRegisteredSinkAndLogs()
    {
        var sink = new InMemoryCallSink();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<ICallSink>(sink);
        builder.Services.AddSafeCallLogger(Section(new() { ["SafeCallLogger:QueueCapacity"] = "50" }));
        builder.Services.AddSafeCallLogger(Section(new() { ["SafeCallLogger:MaxBatchSize"] = "10" }));
        using var host = builder.Build();
        await host.StartAsync();

        var logger = host.Services.GetRequiredService<ICallLogger>();
        Assert.True(logger.LogCallSafe(Calls.Arbitrage()).IsAccepted);
        await host.StopAsync();

        Assert.Equal(1, sink.Count);
        Assert.Equal(50, logger.GetHealth().QueueCapacity);
        Assert.Single(builder.Services, d => d.ServiceType == typeof(ICallLogger));
    }

    [Fact]
    public void AddSafeCallLogger_NullArguments_Throw()
    {
        var services = new ServiceCollection();
        var section = Section([]);
        Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddSafeCallLogger(section));
        Assert.Throws<ArgumentNullException>(() => services.AddSafeCallLogger((IConfiguration)null!));
        Assert.Throws<ArgumentNullException>(() => services.AddSafeCallLogger((IConfiguration)null!, _ => { }));
        Assert.Throws<ArgumentNullException>(() => services.AddSafeCallLogger(section, null!));
        Assert.Throws<ArgumentNullException>(() => ((IHealthChecksBuilder)null!).AddSafeCallLogger());
        Assert.Throws<ArgumentException>(() => services.AddHealthChecks().AddSafeCallLogger(" "));
    }

    [Fact]
    public async Task AddHealthChecks_AddSafeCallLoggerTwice_OneCheckThatReportsTheLogger()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSafeCallLogger(o => o.UseSink(new InMemoryCallSink()));
        services.AddHealthChecks().AddSafeCallLogger().AddSafeCallLogger();
        await using var provider = services.BuildServiceProvider();

        var registrations = provider.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations;
        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var registration = Assert.Single(registrations);
        Assert.Equal(SafeCallLoggerHealthChecksBuilderExtensions.DefaultName, registration.Name);
        Assert.Equal(HealthStatus.Healthy, report.Entries[SafeCallLoggerHealthChecksBuilderExtensions.DefaultName].Status);
    }

    [Fact]
    public async Task AddHealthChecks_AddSafeCallLoggerWithNameTagsAndFailureStatus_StoppedLoggerReportsThatStatus()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSafeCallLogger(o => o.UseSink(new InMemoryCallSink()));
        services.AddHealthChecks().AddSafeCallLogger("calls", HealthStatus.Degraded, ["ready"], TimeSpan.FromSeconds(5));
        await using var provider = services.BuildServiceProvider();
        await ((CallLogger)provider.GetRequiredService<ICallLogger>()).StopAsync(TestWait.Guard);

        var registration = Assert.Single(provider.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations);
        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Tags.Contains("ready"));

        Assert.Equal(["ready"], registration.Tags);
        Assert.Equal(TimeSpan.FromSeconds(5), registration.Timeout);
        Assert.Equal(HealthStatus.Degraded, report.Entries["calls"].Status);
    }

    private static IConfigurationSection Section(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("SafeCallLogger");
}
