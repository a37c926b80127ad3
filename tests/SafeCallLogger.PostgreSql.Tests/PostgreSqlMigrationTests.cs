using Npgsql;
using SafeCallLogger.PostgreSql.Internal;
using SafeCallLogger.PostgreSql.Tests.Support;
using SafeCallLogger.Sqlite.Tests.Support;

namespace SafeCallLogger.PostgreSql.Tests;

/// <summary>Migrations safe for fleets: versioned, under one advisory lock, idempotent, adopting a table made by others.</summary>
[Collection(PgCollection.Name)]
public sealed class PostgreSqlMigrationTests(PgServer server)
{
    private readonly PgDatabase _db = new(server);

    [Fact]
    public async Task FirstWrite_TenProcessesStartingAtOnce_OneSchemaEveryCallStoredNoError()
    {
        var children = Enumerable.Range(0, 10)
            .Select(i => CrashChildProcess.Start("--postgres", _db.ConnectionString, "--count", "20", "--prefix", $"p{i}_", "--mode", "Off"))
            .ToList();
        try
        {
            foreach (var child in children)
            {
                await child.EndAsync();
                Assert.Contains("Errors = 0", child.Done, StringComparison.Ordinal);
            }
        }
        finally
        {
            children.ForEach(static c => c.Dispose());
        }

        Assert.Equal(200L, _db.Count("SELECT count(*) FROM arbitrage_calls"));
        Assert.Equal((long)PgMigrations.CurrentVersion, _db.Count("SELECT version FROM arbitrage_calls_schema"));
        Assert.Equal(1L, _db.Count("SELECT count(*) FROM arbitrage_calls_schema"));
        AssertNoDuplicateErrorsInServerLog();
    }

    [Fact]
    public async Task EnsureCreated_TenConnectionsRacing_AllSucceedWithOneSchema()
    {
        var names = new PgTableNames("public", "arbitrage_calls");
        using var start = new Barrier(10);
        var races = Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            await using var connection = new NpgsqlConnection(_db.ConnectionString + ";Pooling=false");
            await connection.OpenAsync();
            start.SignalAndWait(TestWait.Guard);
            return await PgMigrations.EnsureCreatedAsync(connection, names, CancellationToken.None);
        })).ToList();

        var previous = await Task.WhenAll(races);

        // Exactly one of them found an empty database; the others waited on the lock and found it current.
        Assert.Single(previous, static v => v == 0);
        Assert.Equal(9, previous.Count(static v => v == PgMigrations.CurrentVersion));
        AssertNoDuplicateErrorsInServerLog();
    }

    [Fact]
    public async Task EnsureCreated_PythonBotsTableWithRows_AdoptedAndStatsFilledFromTheRows()
    {
        var names = new PgTableNames("public", "arbitrage_calls");
        _db.Execute(PgSchema.Version1(names));
        _db.Execute("""
            INSERT INTO arbitrage_calls (call_id, call_type, sport, bookmaker_a, bookmaker_b, odds_a, odds_b, roi_percent, total_users_notified, total_users_bet)
            VALUES ('py1', 'arbitrage', 'soccer', 'a', 'b', 2.1, 2.0, 3, 5, 2), ('py2', 'middle', 'soccer', 'a', 'b', 2.1, 2.0, 3, 1, 0)
            """);
        await using (var connection = new NpgsqlConnection(_db.ConnectionString))
        {
            await connection.OpenAsync();
            Assert.Equal(0, await PgMigrations.EnsureCreatedAsync(connection, names, CancellationToken.None));
            Assert.Equal(PgMigrations.CurrentVersion, await PgMigrations.EnsureCreatedAsync(connection, names, CancellationToken.None));
        }

        Assert.Equal(2L, _db.Count("SELECT count(*) FROM arbitrage_calls"));
        Assert.Equal(6L, _db.Count("SELECT sum(users_notified) FROM arbitrage_calls_stats WHERE bucket = 't'"));
        Assert.Equal(2L, _db.Count("SELECT sum(calls) FROM arbitrage_calls_stats WHERE bucket = 's' AND key = 'soccer'"));
        Assert.Equal("py1", _db.Scalar("SELECT call_id FROM arbitrage_calls WHERE users_clicked = 0 AND sent_at = alert_sent_at ORDER BY call_id LIMIT 1"));
    }

    [Fact]
    public async Task EnsureCreated_CallsTableDroppedUnderTheSink_RebuiltOnTheNextOpen()
    {
        await using (var sink = new PostgreSqlCallSink(_db.ConnectionString))
        {
            await sink.WriteAsync([TestData.Upsert("c1")], CancellationToken.None);
            _db.Execute("DROP TABLE arbitrage_calls");

            // The write fails as an outage (the table is gone: not the record's fault), then the reopened session rebuilds it.
            var outage = await Assert.ThrowsAnyAsync<Exception>(() => sink.WriteAsync([TestData.Upsert("c2")], CancellationToken.None).AsTask());
            Assert.IsNotType<UnstorableOperationException>(outage);
            await sink.WriteAsync([TestData.Upsert("c2")], CancellationToken.None);
        }

        Assert.Equal(1L, _db.Count("SELECT count(*) FROM arbitrage_calls WHERE call_id = 'c2'"));
    }

    private void AssertNoDuplicateErrorsInServerLog()
    {
        if (!server.Owned)
        {
            return;
        }

        var log = File.ReadAllText(server.LogPath);
        Assert.DoesNotContain("duplicate key value violates unique constraint \"pg_", log, StringComparison.Ordinal);
        Assert.DoesNotMatch("ERROR: +relation \"[^\"]+\" already exists", log);
    }
}
