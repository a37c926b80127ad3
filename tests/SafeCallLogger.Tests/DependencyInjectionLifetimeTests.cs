using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SafeCallLogger.Tests.Support;

namespace SafeCallLogger.Tests;

/// <summary>Who disposes the logger and its sink, and in which order the host stops it beside the bot's own services.</summary>
public sealed class DependencyInjectionLifetimeTests
{
    [Fact]
    public async Task ProviderDisposeAsync_OwnedSinkFromFactory_IsDisposedExactlyOnce()
    {
        var sink = new DisposeCountingSink();
        var services = new ServiceCollection();
        services.AddSafeCallLogger(o => o.UseSink(_ => sink));
        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<ICallLogger>().LogCallSafe(Calls.Arbitrage(1));

        await provider.DisposeAsync();

        Assert.Equal(1, sink.Disposals);
        Assert.Equal(1, sink.Inner.Count);
    }

    [Fact]
    public void ProviderDispose_OwnedSinkFromFactory_IsDisposedExactlyOnce()
    {
        var sink = new DisposeCountingSink();
        var services = new ServiceCollection();
        services.AddSafeCallLogger(o => o.UseSink(_ => sink));
        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<ICallLogger>();

        provider.Dispose();

        Assert.Equal(1, sink.Disposals);
    }

    [Fact]
    public async Task HostDispose_OwnedSinkFromFactory_IsDisposedExactlyOnce()
    {
        var sink = new DisposeCountingSink();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSafeCallLogger(o => o.UseSink(_ => sink));
        var host = builder.Build();
        await host.StartAsync();
        host.Services.GetRequiredService<ICallLogger>().LogCallSafe(Calls.Arbitrage(1));
        await host.StopAsync();

        host.Dispose();

        Assert.Equal(1, sink.Inner.Count);

        Assert.Equal(1, sink.Disposals);
    }

    [Fact]
    public void ProviderDispose_SinkPassedIn_IsLeftToItsOwner()
    {
        var sink = new DisposeCountingSink();
        var services = new ServiceCollection();
        services.AddSafeCallLogger(o => o.UseSink(sink));
        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<ICallLogger>();

        provider.Dispose();

        Assert.Equal(0, sink.Disposals);
    }

    [Fact]
    public async Task HostStop_BotServiceRegisteredBeforeTheLogger_StoresTheCallItLogsInItsOwnStopAsync()
    {
        var sink = new InMemoryCallSink();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddHostedService<LastWordsBot>();
        builder.Services.AddSafeCallLogger(o => o.UseSink(sink));
        using var host = builder.Build();
        await host.StartAsync();

        await host.StopAsync();

        var bot = host.Services.GetServices<IHostedService>().OfType<LastWordsBot>().Single();
        Assert.True(bot.LastResult.IsAccepted, bot.LastResult.Status.ToString());
        Assert.True(sink.TryGetCall(bot.LastResult.CallId!, out _));
        Assert.Equal(CallLoggerState.Stopped, host.Services.GetRequiredService<ICallLogger>().GetHealth().State);
    }

    [Fact]
    public async Task HostStop_BotServiceRegisteredAfterTheLogger_StoresTheCallItLogsInItsOwnStopAsync()
    {
        var sink = new InMemoryCallSink();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSafeCallLogger(o => o.UseSink(sink));
        builder.Services.AddHostedService<LastWordsBot>();
        using var host = builder.Build();
        await host.StartAsync();

        await host.StopAsync();

        var bot = host.Services.GetServices<IHostedService>().OfType<LastWordsBot>().Single();
        Assert.True(bot.LastResult.IsAccepted, bot.LastResult.Status.ToString());
        Assert.Equal(1, sink.Count);
        Assert.Equal(CallLoggerState.Stopped, host.Services.GetRequiredService<ICallLogger>().GetHealth().State);
    }

    [Fact]
    public async Task HostStop_CallLoggedAfterTheHostStopped_IsRefusedAsStopped()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSafeCallLogger(o => o.UseSink(new InMemoryCallSink()));
        using var host = builder.Build();
        await host.StartAsync();
        await host.StopAsync();

        var result = host.Services.GetRequiredService<ICallLogger>().LogCallSafe(Calls.Arbitrage(1));

        Assert.Equal(LogStatus.Stopped, result.Status);
    }

    /// <summary>A bot that sends (and logs) one last alert while it stops, as a bot draining its send queue does.</summary>
    private sealed class LastWordsBot(ICallLogger logger) : IHostedService
    {
        public LogResult LastResult { get; private set; }

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken)
        {
            LastResult = logger.LogCallSafe(Calls.Arbitrage(42));
            return Task.CompletedTask;
        }
    }

    /// <summary>Stores in memory and counts its disposals, sync and async alike.</summary>
    private sealed class DisposeCountingSink : ICallSink, IAsyncDisposable, IDisposable
    {
        private int _disposals;

        public InMemoryCallSink Inner { get; } = new();

        public int Disposals => Volatile.Read(ref _disposals);

        public ValueTask WriteAsync(IReadOnlyList<CallOperation> operations, CancellationToken cancellationToken) => Inner.WriteAsync(operations, cancellationToken);

        public void Dispose() => Interlocked.Increment(ref _disposals);

        public ValueTask DisposeAsync()
        {
            Interlocked.Increment(ref _disposals);
            return ValueTask.CompletedTask;
        }
    }
}
