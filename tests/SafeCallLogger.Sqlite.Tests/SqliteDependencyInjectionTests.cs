using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SafeCallLogger.Sqlite.Tests.Support;

namespace SafeCallLogger.Sqlite.Tests;

/// <summary><c>UseSqlite</c> in the container: the store for <c>/ml_stats</c> comes with the sink, on the same file.</summary>
public sealed class SqliteDependencyInjectionTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task UseSqlite_InAddSafeCallLogger_RegistersTheStoreOnTheSameDatabase()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSafeCallLogger(o => o.UseSqlite(_db.ConnectionString, s => s.RetentionDays = 0));
        using var host = builder.Build();
        await host.StartAsync();
        var logger = host.Services.GetRequiredService<ICallLogger>();
        var store = host.Services.GetRequiredService<SqliteCallStore>();

        Assert.True(logger.LogCallSafe(TestData.Call("di-store")).IsAccepted);
        Assert.True((await logger.FlushAsync(TestWait.Guard)).Completed);
        var stats = await store.GetStatsAsync(logger.GetHealth());
        await host.StopAsync();

        Assert.Equal(1, stats.TotalCalls);
        Assert.Same(store, host.Services.GetRequiredService<SqliteCallStore>());
        Assert.Same(store, host.Services.GetRequiredService<ICallStore>());
    }

    [Fact]
    public void UseSqlite_AddSafeCallLoggerCalledTwice_TheStoreRegisteredOnce()
    {
        var services = new ServiceCollection();
        services.AddSafeCallLogger(o => o.UseSqlite(_db.ConnectionString));
        services.AddSafeCallLogger(o => o.UseSqlite(_db.ConnectionString));

        Assert.Single(services, d => d.ServiceType == typeof(SqliteCallStore));
    }

    [Fact]
    public void UseSqlite_ThenUseSink_NoStoreRegistered()
    {
        var services = new ServiceCollection();
        services.AddSafeCallLogger(o => o.UseSqlite(_db.ConnectionString).UseSink(new InMemoryCallSink()));

        Assert.DoesNotContain(services, d => d.ServiceType == typeof(SqliteCallStore));
    }

    [Fact]
    public void UseSqlite_StoreRegisteredByTheApplication_KeptAsItIs()
    {
        var mine = new SqliteCallStore(_db.ConnectionString);
        var services = new ServiceCollection();
        services.AddSingleton(mine);
        services.AddSafeCallLogger(o => o.UseSqlite(_db.ConnectionString));

        using var provider = services.BuildServiceProvider();

        Assert.Same(mine, provider.GetRequiredService<SqliteCallStore>());
    }

    [Fact]
    public void UseSqlite_ConfigureThrowsAtRegistration_NothingThrownThenAndNoStore()
    {
        var services = new ServiceCollection();
        var calls = 0;
        services.AddSafeCallLogger(o =>
        {
            if (calls++ == 0)
            {
                throw new InvalidOperationException("not ready yet");
            }

            o.UseSqlite(_db.ConnectionString);
        });

        Assert.Equal(1, calls);
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(SqliteCallStore));
    }
}
