using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SafeCallLogger.Sqlite.Tests.Support;

namespace SafeCallLogger.Sqlite.Tests.Journal;

/// <summary>A 20-second lock by another process, with the logger from the generic host: <c>AddSafeCallLogger(o =&gt; o.UseSqlite(...))</c> and every default.</summary>
public sealed class LockOutageDependencyInjectionTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task DefaultSettings_SqliteWriteLockedByAnotherProcessFor20Seconds_10000CallsAt300PerSecond_AllAcceptedAllStored()
    {
        await ExistingDatabase.CreateAsync(_db.ConnectionString);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSafeCallLogger(o => o.UseSqlite(_db.ConnectionString));
        StatusCounts statuses;
        FlushResult flush;
        using (var host = builder.Build())
        {
            await host.StartAsync();
            var logger = host.Services.GetRequiredService<ICallLogger>();
            statuses = await LockOutageRun.LogDuringTheLockAsync(_db, logger);
            flush = await logger.FlushAsync(TestWait.Guard);
            await host.StopAsync();
        }

        Assert.True(statuses.Accepted == LockOutageRun.Calls, $"not all {LockOutageRun.Calls:N0} accepted: {statuses}");
        Assert.True(flush.Completed);
        Assert.Equal(LockOutageRun.Calls.ToString(System.Globalization.CultureInfo.InvariantCulture), await LockOutageRun.StoredAsync(_db));
    }
}
