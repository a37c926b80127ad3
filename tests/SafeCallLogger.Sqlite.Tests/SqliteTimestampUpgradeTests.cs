using SafeCallLogger.Sqlite.Internal;
using SafeCallLogger.Sqlite.Tests.Support;
using static SafeCallLogger.Sqlite.Tests.Support.TestData;

namespace SafeCallLogger.Sqlite.Tests;

/// <summary>Schema 3's conversion of our old 'T…Z' timestamps, on the operator's file of issue 13 and in its mechanics.</summary>
public sealed class SqliteTimestampUpgradeTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Upgrade_OperatorsFileWithPythonAndOldRows_TimeFiltersAndOrderAnswerForBothWriters()
    {
        // The file of issue 13: the seed's CREATE TABLE, three rows from Python's sqlite3 module (two at the column
        // default, one two hours ago), then 30 calls from the previous version of this library (one every 6 minutes,
        // from 3 minutes ago: 10 in the last hour), in its old 'T…Z' form. The shell's clock is the real one.
        var now = TimeProvider.System.GetUtcNow();
        await Sqlite3Shell.RunAsync(_db.Path, SeedSql.Create);
        await Python3.RunAsync("python_rows.py", """
            ["py-now-1", "arbitrage", null]
            ["py-now-2", "middle", null]
            ["py-2h", "good_ev", 2]

            """, null, _db.Path);
        LegacyFile.CreateSchema2(_db);
        for (var i = 0; i < 30; i++)
        {
            LegacyFile.InsertCall(_db, "v2-" + i, now.AddMinutes(-(3 + (6 * i))));
        }

        const string LastHour = "SELECT COUNT(*) FROM arbitrage_calls WHERE alert_sent_at > datetime('now','-1 hour');";
        const string Newest = "SELECT call_id FROM arbitrage_calls ORDER BY alert_sent_at DESC LIMIT 1;";
        Assert.Equal(["32"], await Sqlite3Shell.RunAsync(_db.Path, LastHour)); // the bug: all 30 old rows (a "T" sorts after a space) and the two recent Python rows
        Assert.Equal(["v2-0"], await Sqlite3Shell.RunAsync(_db.Path, Newest)); // the bug: a 'T' row beats the newer Python rows

        // The new version logs two calls; its maintenance after the batch converts the old rows.
        await using (var sink = new SqliteCallSink(_db.ConnectionString))
        {
            await sink.WriteAsync([Upsert("new-1", at: now.AddMinutes(-1)), Upsert("new-2", at: now.AddSeconds(1))], CancellationToken.None);
        }

        Assert.Equal(0, LegacyFile.LegacyValues(_db));
        Assert.Equal(["14"], await Sqlite3Shell.RunAsync(_db.Path, LastHour)); // 2 Python + 10 old + 2 new
        Assert.Equal(["14"], await Sqlite3Shell.RunAsync(_db.Path, "SELECT COUNT(*) FROM arbitrage_calls WHERE julianday(alert_sent_at) > julianday('now','-1 hour');"));
        Assert.Equal(["new-2"], await Sqlite3Shell.RunAsync(_db.Path, Newest));
        Assert.Equal(["new-2"], await Sqlite3Shell.RunAsync(_db.Path, SeedSql.LatestCall.Replace("*", "call_id", StringComparison.Ordinal)));
        Assert.Equal((long)SchemaMigrations.CurrentVersion, _db.Scalar("SELECT version FROM arbitrage_calls_schema"));
        var stats = await new SqliteCallStore(_db.ConnectionString).GetStatsAsync();
        Assert.Equal(35, stats.TotalCalls);
        Assert.Equal(now.AddSeconds(1).ToUnixTimeMilliseconds(), stats.LastCallAt!.Value.ToUnixTimeMilliseconds());
    }

    [Fact]
    public void Run_LargeBacklog_ConvertsInBoundedSmallTransactionsAndResumesWhereItStopped()
    {
        var t = new TableNames("arbitrage_calls");
        LegacyFile.CreateSchema2(_db);
        for (var i = 0; i < 45; i++)
        {
            LegacyFile.InsertCall(_db, "c" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture), Start.AddMinutes(i));
        }

        // Other writers' values are left exactly as written.
        _db.Execute("INSERT INTO arbitrage_calls (call_id, call_type, bookmaker_a, bookmaker_b, odds_a, odds_b, roi_percent, alert_sent_at, expires_at) VALUES ('shell', 'middle', 'a', 'b', 2, 2, 1, '2026-03-14 20:00:00', 1773519000)");
        using var connection = _db.Open();
        using (var transaction = connection.BeginTransaction(deferred: false))
        {
            PythonGuideCompatibilityStep.Apply(connection, transaction, t);
            transaction.Commit();
        }

        var first = TimestampUpgrade.Run(connection, t, batchSize: 10, maxTransactions: 2, Start, CancellationToken.None);

        Assert.False(first);
        Assert.Equal(25L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls WHERE alert_sent_at GLOB '*T*'"));
        Assert.Equal("2026-03-14 18:30:00.000", _db.Scalar("SELECT alert_sent_at FROM arbitrage_calls WHERE call_id = 'c00'"));
        Assert.Equal("2026-03-14 00:00:00.000", _db.Scalar("SELECT match_date FROM arbitrage_calls WHERE call_id = 'c00'"));

        // Every transaction was committed: another connection takes the write lock at once.
        using (var other = _db.Open())
        using (var command = other.CreateCommand())
        {
            command.CommandText = "PRAGMA busy_timeout = 0; BEGIN IMMEDIATE; ROLLBACK;";
            command.ExecuteNonQuery();
        }

        var rounds = 1;
        while (!TimestampUpgrade.Run(connection, t, batchSize: 10, maxTransactions: 2, Start, CancellationToken.None))
        {
            rounds++;
        }

        Assert.Equal(0, LegacyFile.LegacyValues(_db));
        Assert.InRange(rounds, 3, 10);
        Assert.Equal("2026-03-14 20:00:00", _db.Scalar("SELECT alert_sent_at FROM arbitrage_calls WHERE call_id = 'shell'"));
        Assert.Equal(1773519000L, _db.Scalar("SELECT expires_at FROM arbitrage_calls WHERE call_id = 'shell'"));
        Assert.NotNull(_db.Scalar("SELECT finished_at FROM arbitrage_calls_upgrades WHERE name = 'canonical_timestamps'"));
        Assert.True(TimestampUpgrade.Run(connection, t, 10, 2, Start, CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_OldRowsWaiting_ConvertsABoundedShareAfterEachBatch()
    {
        LegacyFile.CreateSchema2(_db);
        for (var i = 0; i < 150; i++)
        {
            LegacyFile.InsertCall(_db, "c" + i, Start.AddMinutes(-i));
        }

        var options = new SqliteSinkOptions { RetentionBatchSize = 5 };
        await using var sink = new SqliteCallSink(_db.ConnectionString, options, new FakeTimeProvider(Start));

        await sink.WriteAsync([Upsert("n1")], CancellationToken.None);
        var afterFirst = _db.Count("SELECT COUNT(*) FROM arbitrage_calls WHERE alert_sent_at GLOB '*T*'");
        await sink.WriteAsync([Upsert("n2")], CancellationToken.None);

        // 20 transactions of 5 rows after a batch: 100 of the 150 calls, the rest after the next batch.
        Assert.Equal(50L, afterFirst);
        Assert.Equal(0L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls WHERE alert_sent_at GLOB '*T*'"));
        Assert.Equal("2026-03-14 18:30:00.000", _db.Scalar("SELECT alert_sent_at FROM arbitrage_calls WHERE call_id = 'n2'"));
    }

    [Fact]
    public async Task WriteAsync_NewFile_RegistersTheUpgradeAsFinished()
    {
        await using (var sink = new SqliteCallSink(_db.ConnectionString, timeProvider: new FakeTimeProvider(Start)))
        {
            await sink.WriteAsync([Upsert("c1")], CancellationToken.None);
        }

        Assert.NotNull(_db.Scalar("SELECT finished_at FROM arbitrage_calls_upgrades WHERE name = 'canonical_timestamps'"));
        Assert.Equal(["sent_at", "users_clicked"], new[] { "sent_at", "users_clicked" }.Where(c => _db.Count($"SELECT COUNT(*) FROM pragma_table_xinfo('arbitrage_calls') WHERE name = '{c}' AND hidden = 2") == 1));
    }
}
