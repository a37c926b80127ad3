using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SafeCallLogger.PostgreSql.Tests.Support;
using SafeCallLogger.Sqlite;
using static SafeCallLogger.PostgreSql.Tests.Support.TestData;

namespace SafeCallLogger.PostgreSql.Tests;

/// <summary>The query side: totals kept by the statement triggers, self-test, retention, export in the SQLite store's format, DI.</summary>
[Collection(PgCollection.Name)]
public sealed class PostgreSqlCallStoreTests(PgServer server) : IDisposable
{
    private readonly PgDatabase _db = new(server);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly string _sqlitePath = Path.Combine(Path.GetTempPath(), "scl-pg-export-" + Guid.NewGuid().ToString("N") + ".db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in (string[])["", "-wal", "-shm"])
        {
            File.Delete(_sqlitePath + suffix);
        }

        if (Directory.Exists(_sqlitePath + ".journal"))
        {
            Directory.Delete(_sqlitePath + ".journal", recursive: true);
        }
    }

    [Fact]
    public async Task GetTotalsAsync_NothingWrittenYet_Zeros()
    {
        await using var store = new PostgreSqlCallStore(_db.ConnectionString, timeProvider: _time);

        var totals = await store.GetTotalsAsync();

        Assert.Equal((0L, 0, 0, (DateTimeOffset?)null), (totals.TotalCalls, totals.CallsByType.Count, totals.SportsCovered.Count, totals.LastCallAt));
    }

    [Fact]
    public async Task GetTotalsAsync_AfterInsertsUpdatesAndRetention_MatchTheRows()
    {
        // The sink keeps everything: the store's retention, on demand, is the one under test.
        await using (var sink = new PostgreSqlCallSink(_db.ConnectionString, new PostgreSqlSinkOptions { RetentionDays = 0 }, _time))
        {
            await sink.WriteAsync(
            [
                Upsert("a1", usersNotified: 3), Upsert("a1", usersNotified: 2), Upsert("m1", call: Call("m1", type: CallType.Middle, sport: "soccer")),
                Upsert("old", at: Start.AddDays(-400)), Click("a1", 1), Click("a1", 1), Click("a1", 2),
                new CallOperation { OperationId = Guid.NewGuid(), Kind = CallOperationKind.SetResult, CallId = "a1", Timestamp = Start, Outcome = CallOutcome.AWon, Profit = 4.5 },
            ], CancellationToken.None);
        }

        await using var store = new PostgreSqlCallStore(_db.ConnectionString, timeProvider: _time);
        var before = await store.GetTotalsAsync();
        var deleted = await store.RunRetentionAsync();
        var after = await store.GetTotalsAsync();

        Assert.Equal((3L, 2L, 7L, 2L, 1L, 4.5, 1L), (before.TotalCalls, before.CallsByType["arbitrage"], before.TotalUsersNotified, before.TotalUsersBet, before.CallsWithClicks, before.TotalProfit, before.ResultsKnown));
        Assert.Equal(["basketball_nba", "soccer"], before.SportsCovered);
        Assert.Equal(1, deleted);
        Assert.Equal((2L, 1L, 6L), (after.TotalCalls, after.CallsByType["arbitrage"], after.TotalUsersNotified));
        Assert.Equal(Start, after.LastCallAt);
        Assert.Equal(_db.Count("SELECT count(*) FROM arbitrage_calls"), after.TotalCalls);

        // Retention folded the deltas into one row per type and sport.
        Assert.Equal(4L, _db.Count("SELECT count(*) FROM arbitrage_calls_stats"));
    }

    [Fact]
    public async Task SelfTestAsync_ThroughARealLogger_WrittenReadBackAndRemoved()
    {
        await using var logger = new CallLogger(new PostgreSqlCallSink(_db.ConnectionString));
        await using var store = new PostgreSqlCallStore(_db.ConnectionString);

        var result = await store.SelfTestAsync(logger, TestWait.Guard);

        Assert.True(result.Success, result.Message);
        Assert.Equal(0L, _db.Count("SELECT count(*) FROM arbitrage_calls"));
        Assert.Equal(0L, (await store.GetTotalsAsync()).TotalCalls);
    }

    [Theory]
    [InlineData(CallExportFormat.Csv, CallExportRows.Calls)]
    [InlineData(CallExportFormat.JsonLines, CallExportRows.Calls)]
    [InlineData(CallExportFormat.Csv, CallExportRows.UserEvents)]
    [InlineData(CallExportFormat.JsonLines, CallExportRows.UserEvents)]
    public async Task ExportAsync_SameOperationsAsASqliteStore_SameText(CallExportFormat format, CallExportRows rows)
    {
        CallOperation[] batch =
        [
            Upsert("c2", call: Call("c2", users: [5, 6]), at: Start.AddMinutes(2)), Upsert("c1", call: Call("c1", league: null, users: [7], teamA: "=cmd")),
            Click("c1", 7), Click("c1", 7), Click("c2", null),
            new CallOperation { OperationId = Guid.NewGuid(), Kind = CallOperationKind.SetClosingLines, CallId = "c1", Timestamp = Start, ClosingLineA = Odds.FromAmerican(-110), ClosingLineB = 2.2 },
        ];
        var export = new CallExport { Format = format, Rows = rows, Since = Start.AddHours(-1) };
        await using (var sink = new PostgreSqlCallSink(_db.ConnectionString, timeProvider: _time))
        {
            await sink.WriteAsync(batch, CancellationToken.None);
        }

        await using (var sqlite = new SqliteCallSink($"Data Source={_sqlitePath}", timeProvider: _time))
        {
            await sqlite.WriteAsync(batch, CancellationToken.None);
        }

        await using var store = new PostgreSqlCallStore(_db.ConnectionString, timeProvider: _time);
        var pg = new MemoryStream();
        var lite = new MemoryStream();
        var pgRows = await store.ExportAsync(pg, export);
        var liteRows = await new SqliteCallStore($"Data Source={_sqlitePath}", timeProvider: _time).ExportAsync(lite, export);

        Assert.Equal(liteRows, pgRows);
        Assert.Equal(Normalize(lite), Normalize(pg));
    }

    [Fact]
    public async Task UsePostgreSql_InAddSafeCallLogger_RegistersTheStoreAsICallStoreOnTheSameDatabase()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSafeCallLogger(o => o.UsePostgreSql(_db.ConnectionString));
        using var host = builder.Build();
        await host.StartAsync();
        var logger = host.Services.GetRequiredService<ICallLogger>();
        var store = host.Services.GetRequiredService<ICallStore>();

        Assert.True(logger.LogCallSafe(Call("di-store")).IsAccepted);
        Assert.True((await logger.FlushAsync(TestWait.Guard)).Completed);
        var stats = await store.GetStatsAsync(logger.GetHealth());
        await host.StopAsync();

        Assert.IsType<PostgreSqlCallStore>(store);
        Assert.Same(store, host.Services.GetRequiredService<PostgreSqlCallStore>());
        Assert.Equal(1, stats.TotalCalls);
    }

    // jsonb keeps JSON as values, not text: raw_data comes back as PostgreSQL prints it ("key": value); the rest is byte for byte.
    private static string Normalize(MemoryStream stream) =>
        Encoding.UTF8.GetString(stream.ToArray()).Replace("\"\"edge\"\": 1.5", "\"\"edge\"\":1.5", StringComparison.Ordinal).Replace("\\u0022edge\\u0022: 1.5", "\\u0022edge\\u0022:1.5", StringComparison.Ordinal);
}
