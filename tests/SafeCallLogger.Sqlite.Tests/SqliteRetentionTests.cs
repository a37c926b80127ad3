using System.Globalization;
using SafeCallLogger.Sqlite.Internal;
using SafeCallLogger.Sqlite.Tests.Support;
using static SafeCallLogger.Sqlite.Tests.Support.TestData;

namespace SafeCallLogger.Sqlite.Tests;

public sealed class SqliteRetentionTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private readonly FakeTimeProvider _time = new(Start);

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task WriteAsync_RowsOlderThanRetention_DeletedWithCompanionsAtMostOnceADay()
    {
        var options = new SqliteSinkOptions { RetentionDays = 30, RetentionBatchSize = 2 };
        await using var sink = new SqliteCallSink(_db.ConnectionString, options, _time);
        var old = Enumerable.Range(0, 5).Select(i => Upsert("old" + i, users: [1, 2], at: Start.AddDays(-40))).ToArray();
        await sink.WriteAsync([.. old, Click("old0", 1), Click("ghost", 3), Upsert("recent", users: [1], at: Start.AddDays(-10))], CancellationToken.None);

        // The first write of the day ran retention after the batch: the old calls and their rows are gone.
        Assert.Equal(1L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls"));
        Assert.Equal(1L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls_notified_users"));
        Assert.Equal(0L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls_clicks"));

        // Later the same day: no second run.
        await sink.WriteAsync([Upsert("late", at: Start.AddDays(-40))], CancellationToken.None);
        Assert.Equal(2L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls"));

        _time.Advance(TimeSpan.FromDays(1));
        await sink.WriteAsync([Upsert("today", at: Start.AddDays(1))], CancellationToken.None);
        Assert.Equal(0L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls WHERE call_id = 'late'"));
        Assert.Equal(2L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls"));
    }

    [Fact]
    public async Task WriteAsync_RetentionBacklog_WorkedOffOverTheNextBatchesTwentyTransactionsAtATime()
    {
        var options = new SqliteSinkOptions { RetentionDays = 30, RetentionBatchSize = 1 };
        await using var sink = new SqliteCallSink(_db.ConnectionString, options, _time);
        await sink.WriteAsync(Enumerable.Range(0, 25).Select(i => Upsert("old" + i, at: Start.AddDays(-31))).ToArray(), CancellationToken.None);

        Assert.Equal(5L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls"));
        await sink.WriteAsync([Upsert("new")], CancellationToken.None);
        Assert.Equal(1L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls"));
    }

    [Fact]
    public async Task RunRetentionAsync_OnDemand_ReturnsDeletedCountAndPrunesBookkeeping()
    {
        var options = new SqliteSinkOptions { RetentionDays = 30, RetentionBatchSize = 3 };
        await using (var sink = new SqliteCallSink(_db.ConnectionString, options, _time))
        {
            var batch = Enumerable.Range(0, 7).Select(i => Upsert("old" + i, at: Start.AddDays(-29))).Append(Upsert("new", at: Start)).ToArray();
            await sink.WriteAsync(batch, CancellationToken.None);
        }

        _db.Execute("INSERT INTO arbitrage_calls (call_id, call_type, bookmaker_a, bookmaker_b, odds_a, odds_b, roi_percent, alert_sent_at) VALUES ('shell', 'middle', 'a', 'b', 2, 2, 1, '2025-01-01T00:00:00.000Z')");
        _time.Advance(TimeSpan.FromDays(60));
        var store = new SqliteCallStore(_db.ConnectionString, options, _time);

        var deleted = await store.RunRetentionAsync();

        Assert.Equal(9, deleted);
        Assert.Equal(0L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls"));
        Assert.Equal(0L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls_applied_ops"));
    }

    [Fact]
    public async Task RunRetentionAsync_RowsFromOtherWriters_DeletedByTheirActualTimeNotByTextOrder()
    {
        var options = new SqliteSinkOptions { RetentionDays = 30, RetentionBatchSize = 2 };
        await using (var sink = new SqliteCallSink(_db.ConnectionString, options, _time))
        {
            await sink.WriteAsync([Upsert("ours-inside", at: Start.AddDays(-29)), Upsert("ours-outside", at: Start.AddDays(-31))], CancellationToken.None);
        }

        // Cutoff is 2026-02-12 18:30:00.000. Shell rows on the cutoff day sort before it as text whatever their time.
        var cutoff = Start.AddDays(-30);
        InsertShellRow("shell-inside", "'2026-02-12 19:30:00'");
        InsertShellRow("shell-outside", "'2026-02-12 17:30:00'");
        InsertShellRow("epoch-inside", cutoff.AddHours(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        InsertShellRow("epoch-outside", cutoff.AddHours(-1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        InsertShellRow("epoch-ms-inside", cutoff.AddHours(1).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        InsertShellRow("julian-inside", "julianday('2026-02-12 19:30:00')");
        InsertShellRow("unreadable", "'yesterday'");

        // Our pre-schema-3 form and an offset: a 'T' sorts after the canonical cutoff's space on the same day.
        InsertShellRow("iso-inside", "'2026-02-12T19:30:00.000Z'");
        InsertShellRow("iso-outside", "'2026-02-12T17:30:00.000Z'");
        InsertShellRow("offset-outside", "'2026-02-13T03:00:00+14:00'");

        // What safecall prune's progress bar follows: the calls a run would delete, found as the run finds them.
        Assert.Equal(4, CountOlder(cutoff));

        var deleted = await new SqliteCallStore(_db.ConnectionString, options, _time).RunRetentionAsync();

        Assert.Equal(0, CountOlder(cutoff));
        var left = new List<string>();
        using (var connection = _db.Open())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT call_id FROM arbitrage_calls ORDER BY call_id";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                left.Add(reader.GetString(0));
            }
        }

        Assert.Equal(["epoch-inside", "epoch-ms-inside", "iso-inside", "julian-inside", "ours-inside", "shell-inside", "unreadable"], left);
        Assert.Equal(4, deleted); // ours-outside already went with the sink's own retention run after its write

        long CountOlder(DateTimeOffset at)
        {
            using var connection = _db.Open();
            return Retention.CountOlder(connection, new TableNames("arbitrage_calls"), at);
        }

        void InsertShellRow(string id, string sentAt) =>
            _db.Execute($"INSERT INTO arbitrage_calls (call_id, call_type, bookmaker_a, bookmaker_b, odds_a, odds_b, roi_percent, alert_sent_at) VALUES ('{id}', 'middle', 'a', 'b', 2, 2, 1, {sentAt})");
    }

    [Fact]
    public async Task RunRetentionAsync_AppliedIdsOlderThanTheirTtl_PrunedWhileTheirCallsStay()
    {
        var options = new SqliteSinkOptions { RetentionDays = 365, AppliedOperationTtl = TimeSpan.FromDays(7) };
        var replayed = Upsert("kept", at: Start);
        await using (var sink = new SqliteCallSink(_db.ConnectionString, options, _time))
        {
            await sink.WriteAsync([replayed, Click("kept", 1)], CancellationToken.None);
            _time.Advance(TimeSpan.FromDays(6));
            await sink.WriteAsync([replayed], CancellationToken.None); // a replay within the TTL is still ignored
        }

        var store = new SqliteCallStore(_db.ConnectionString, options, _time);
        Assert.Equal(0, await store.RunRetentionAsync());
        Assert.Equal(2L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls_applied_ops"));
        Assert.Equal(1L, _db.Count("SELECT total_users_notified FROM arbitrage_calls WHERE call_id = 'kept'"));

        _time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(0, await store.RunRetentionAsync());
        Assert.Equal(0L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls_applied_ops"));
        Assert.Equal(1L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls"));
    }

    [Fact]
    public async Task RunRetentionAsync_RetentionOff_DeletesNothing()
    {
        var options = new SqliteSinkOptions { RetentionDays = 0 };
        await using (var sink = new SqliteCallSink(_db.ConnectionString, options, _time))
        {
            await sink.WriteAsync([Upsert("ancient", at: Start.AddYears(-5))], CancellationToken.None);
        }

        Assert.Equal(0, await new SqliteCallStore(_db.ConnectionString, options, _time).RunRetentionAsync());
        Assert.Equal(1L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls"));
    }
}
