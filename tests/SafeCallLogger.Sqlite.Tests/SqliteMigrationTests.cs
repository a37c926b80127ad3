using SafeCallLogger.Sqlite.Internal;
using SafeCallLogger.Sqlite.Tests.Support;
using static SafeCallLogger.Sqlite.Tests.Support.TestData;

namespace SafeCallLogger.Sqlite.Tests;

public sealed class SqliteMigrationTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task WriteAsync_Version1File_UpgradedInPlaceWithRowsKept(int userVersion)
    {
        // A file as the seed's Python bot made it: the plain table (version 1), rows in the shell's own format.
        _db.Execute(SqliteSchema.Version1(new TableNames("arbitrage_calls")) + $"""
            PRAGMA user_version = {userVersion};
            INSERT INTO arbitrage_calls (call_id, call_type, sport, team_a, team_b, bookmaker_a, bookmaker_b, odds_a, odds_b, roi_percent, alert_sent_at, total_users_notified)
            VALUES ('old1', 'arbitrage', 'soccer_epl', 'Arsenal', 'Chelsea', 'bet365', 'unibet', 2.1, 2.0, 2.4, '2026-03-01 10:00:00', 12),
                   ('old2', 'middle', 'tennis_atp', 'Nadal', 'Federer', 'bet365', 'unibet', 1.9, 2.2, 1.1, '2026-03-02 10:00:00', 3);
            CREATE TABLE bot_users (id INTEGER PRIMARY KEY, name TEXT);
            INSERT INTO bot_users VALUES (1, 'kept');
            """);

        await using (var sink = new SqliteCallSink(_db.ConnectionString, timeProvider: new FakeTimeProvider(Start)))
        {
            await sink.WriteAsync([Upsert("new1"), Click("old1", 9), Click("old1", 9), Result("old2", CallOutcome.AWon, 4)], CancellationToken.None);
        }

        Assert.Equal((long)userVersion, _db.Scalar("PRAGMA user_version"));
        Assert.Equal((long)SchemaMigrations.CurrentVersion, _db.Scalar("SELECT version FROM arbitrage_calls_schema"));
        Assert.Equal(3L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls"));
        var old1 = _db.Row("SELECT * FROM arbitrage_calls WHERE call_id = 'old1'");
        Assert.Equal("Arsenal", old1["team_a"]);
        Assert.Equal(12L, old1["total_users_notified"]);
        Assert.Equal(2L, old1["alert_clicked_count"]);
        Assert.Equal(1L, old1["total_users_bet"]);
        Assert.Equal("a_won", _db.Scalar("SELECT actual_outcome FROM arbitrage_calls WHERE call_id = 'old2'"));
        Assert.Equal("kept", _db.Scalar("SELECT name FROM bot_users"));
        var stats = await new SqliteCallStore(_db.ConnectionString).GetStatsAsync();
        Assert.Equal(3, stats.TotalCalls);
        Assert.Equal(2, stats.CallsByType["arbitrage"]);
        Assert.Equal(16, stats.TotalUsersNotified);
        Assert.Equal(["basketball_nba", "soccer_epl", "tennis_atp"], stats.SportsCovered);
    }

    [Fact]
    public async Task WriteAsync_CurrentVersionFile_LeftAsIs()
    {
        await using (var sink = new SqliteCallSink(_db.ConnectionString))
        {
            await sink.WriteAsync([Upsert("c1")], CancellationToken.None);
        }

        var schema = _db.Scalar("SELECT group_concat(sql, ';') FROM sqlite_master");
        await using (var sink = new SqliteCallSink(_db.ConnectionString))
        {
            await sink.WriteAsync([Upsert("c2")], CancellationToken.None);
        }

        Assert.Equal(schema, _db.Scalar("SELECT group_concat(sql, ';') FROM sqlite_master"));
        Assert.Equal(2L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls"));
    }
}
