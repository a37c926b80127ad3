using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using SafeCallLogger.PostgreSql.Internal;
using SafeCallLogger.PostgreSql.Tests.Support;
using static SafeCallLogger.PostgreSql.Tests.Support.TestData;

namespace SafeCallLogger.PostgreSql.Tests;

/// <summary>The sink under a real <see cref="CallLogger"/>: poison set aside as dead letters, outages retried with nothing lost, DI.</summary>
[Collection(PgCollection.Name)]
public sealed class PostgreSqlLoggerTests(PgServer server)
{
    private readonly PgDatabase _db = new(server);

    [Fact]
    public async Task LogCallSafe_RecordTheTableRefuses_SetAsideAsADeadLetterAndTheOthersStored()
    {
        // A table with a constraint of its own (league required), as an operator's might have.
        _db.Execute(PgSchema.Version1(new PgTableNames("public", "arbitrage_calls")).Replace("league text,", "league text NOT NULL,", StringComparison.Ordinal));
        await using (var logger = new CallLogger(new PostgreSqlCallSink(_db.ConnectionString), new CallLoggerOptions { MaxBatchSize = 10 }))
        {
            Assert.True(logger.LogCallSafe(Call("good1")).IsAccepted);
            Assert.True(logger.LogCallSafe(Call("bad", league: null)).IsAccepted);
            Assert.True(logger.LogCallSafe(Call("good2")).IsAccepted);
            Assert.True((await logger.FlushAsync(TestWait.Guard)).Completed);
            await TestWait.Until(() => logger.GetHealth().DeadLettered == 1, "the refused call to reach the dead-letter table");
            Assert.Equal(0, logger.GetHealth().ConsecutiveErrors);
        }

        Assert.Equal(2L, _db.Count("SELECT count(*) FROM arbitrage_calls WHERE call_id IN ('good1', 'good2')"));
        var letter = _db.Row("SELECT call_id, kind, error, operation_json FROM arbitrage_calls_dead_letters");
        Assert.Equal("bad", letter["call_id"]);
        Assert.Equal("UpsertCall", letter["kind"]);
        Assert.Contains("23502", (string)letter["error"]!, StringComparison.Ordinal);
        Assert.Contains("\"bad\"", (string)letter["operation_json"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogCallSafe_WritersBackendTerminatedMidRun_RetriedAsAnOutageAndNothingAcceptedLost()
    {
        await using var logger = new CallLogger(new PostgreSqlCallSink(_db.ConnectionString), new CallLoggerOptions { MaxBatchSize = 10 });
        for (var i = 0; i < 50; i++)
        {
            Assert.True(logger.LogCallSafe(Call($"a{i}")).IsAccepted);
        }

        Assert.True((await logger.FlushAsync(TestWait.Guard)).Completed);
        var terminated = _db.Count($"""
            SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE application_name = 'SafeCallLogger' AND datname = current_database() AND pid <> pg_backend_pid()) t
            """);
        Assert.True(terminated >= 1, "the writer's connection was open");

        for (var i = 0; i < 50; i++)
        {
            Assert.True(logger.LogCallSafe(Call($"b{i}")).IsAccepted);
        }

        Assert.True((await logger.FlushAsync(TestWait.Guard)).Completed);
        var health = logger.GetHealth();
        Assert.True(health.Errors >= 1, "the write on the killed connection failed and was retried");
        Assert.Equal(0, health.Quarantined + health.DeadLettered);
        Assert.Equal(100L, _db.Count("SELECT count(*) FROM arbitrage_calls"));
    }

    [Fact]
    public async Task UsePostgreSql_ConnectionString_TheLoggerWritesThere()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSafeCallLogger(o => o.UsePostgreSql(_db.ConnectionString, s => s.RetentionDays = 0));
        using var host = builder.Build();
        await host.StartAsync();
        var logger = host.Services.GetRequiredService<ICallLogger>();

        Assert.True(logger.LogCallSafe(Call("di-1")).IsAccepted);
        Assert.True((await logger.FlushAsync(TestWait.Guard)).Completed);
        await host.StopAsync();

        Assert.Equal(1L, _db.Count("SELECT count(*) FROM arbitrage_calls WHERE call_id = 'di-1'"));
    }

    [Fact]
    public async Task UsePostgreSql_DataSourceFromTheContainer_UsedAndLeftToTheContainer()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(_db.ConnectionString));
        builder.Services.AddSafeCallLogger(o => o.UsePostgreSql(sp => sp.GetRequiredService<NpgsqlDataSource>()));
        NpgsqlDataSource dataSource;
        using (var host = builder.Build())
        {
            await host.StartAsync();
            var logger = host.Services.GetRequiredService<ICallLogger>();
            Assert.True(logger.LogCallSafe(Call("di-2")).IsAccepted);
            Assert.True((await logger.FlushAsync(TestWait.Guard)).Completed);
            await host.StopAsync();
            dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();

            // The logger is gone, the container's data source still works.
            await using var connection = await dataSource.OpenConnectionAsync();
        }

        Assert.Equal(1L, _db.Count("SELECT count(*) FROM arbitrage_calls WHERE call_id = 'di-2'"));
    }

    [Fact]
    public void UsePostgreSql_BadOptionsOrConnectionString_ThrowsAtConfiguration()
    {
        var error = Assert.Throws<ArgumentException>(() => new CallLoggerOptions().UsePostgreSql(_db.ConnectionString, s =>
        {
            s.TableName = "bad name";
            s.SchemaName = "pg_catalog";
            s.MaxPoolSize = 0;
        }));

        Assert.Contains("TableName", error.Message, StringComparison.Ordinal);
        Assert.Contains("SchemaName", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxPoolSize", error.Message, StringComparison.Ordinal);
        Assert.ThrowsAny<ArgumentException>(() => new CallLoggerOptions().UsePostgreSql("Host=x;NoSuchKeyword=1"));
    }
}
