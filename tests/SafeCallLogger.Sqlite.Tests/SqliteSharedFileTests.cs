using SafeCallLogger.Sqlite.Internal;
using SafeCallLogger.Sqlite.Tests.Support;
using static SafeCallLogger.Sqlite.Tests.Support.TestData;

namespace SafeCallLogger.Sqlite.Tests;

/// <summary>At home in a file other writers share: the Python bot, the sqlite3 shell, the host application.</summary>
public sealed class SqliteSharedFileTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private readonly FakeTimeProvider _time = new(Start);

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task WriteAsync_CallRowInsertedByTheShell_WaitingClickAndResultAppliedOnTheNextBatch()
    {
        await using var sink = new SqliteCallSink(_db.ConnectionString, timeProvider: _time);
        await sink.WriteAsync([Click("py1", 7), Result("py1", CallOutcome.AWon, 5)], CancellationToken.None);
        Assert.Equal(2L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls_pending_ops"));

        await Sqlite3Shell.RunAsync(_db.Path, """
            INSERT INTO arbitrage_calls (call_id, call_type, team_a, team_b, bookmaker_a, bookmaker_b, odds_a, odds_b, roi_percent)
            VALUES ('py1', 'arbitrage', 'A', 'B', 'bet365', 'unibet', 2.1, 2.0, 2.4);
            """);
        await sink.WriteAsync([Upsert("unrelated")], CancellationToken.None);

        var row = _db.Row("SELECT alert_clicked_count, total_users_bet, actual_outcome FROM arbitrage_calls WHERE call_id = 'py1'");
        Assert.Equal(1L, row["alert_clicked_count"]);
        Assert.Equal(1L, row["total_users_bet"]);
        Assert.Equal("a_won", row["actual_outcome"]);
        Assert.Equal(0L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls_pending_ops"));
    }

    [Fact]
    public async Task WriteAsync_HostApplicationUsesUserVersion_NeverOverwritten()
    {
        _db.Execute("CREATE TABLE bot_settings (key TEXT PRIMARY KEY, value TEXT); PRAGMA user_version = 42;");

        await using (var sink = new SqliteCallSink(_db.ConnectionString, timeProvider: _time))
        {
            await sink.WriteAsync([Upsert("c1")], CancellationToken.None);
        }

        Assert.Equal(42L, _db.Scalar("PRAGMA user_version"));
        Assert.Equal((long)SchemaMigrations.CurrentVersion, _db.Scalar("SELECT version FROM arbitrage_calls_schema"));
    }

    [Fact]
    public async Task WriteAsync_FileFromBeforeTheVersionTable_MigratedWithoutTouchingUserVersion()
    {
        // What the library wrote before it kept its own version: the v2 tables and user_version 2.
        var t = new TableNames("arbitrage_calls");
        _db.Execute(SqliteSchema.Version1(t) + SqliteSchema.Version2(t) + SqliteSchema.FillTotals(t) + "PRAGMA user_version = 2;");

        await using (var sink = new SqliteCallSink(_db.ConnectionString, timeProvider: _time))
        {
            await sink.WriteAsync([Upsert("c1")], CancellationToken.None);
        }

        Assert.Equal(2L, _db.Scalar("PRAGMA user_version"));
        Assert.Equal((long)SchemaMigrations.CurrentVersion, _db.Scalar("SELECT version FROM arbitrage_calls_schema"));
        Assert.Equal(1L, _db.Count("SELECT COUNT(*) FROM sqlite_master WHERE name = 'arbitrage_calls_dead_letters'"));
        Assert.Equal(1L, _db.Count("SELECT calls FROM arbitrage_calls_stats_by_type"));
    }
}
