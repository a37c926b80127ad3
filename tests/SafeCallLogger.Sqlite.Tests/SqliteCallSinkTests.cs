using Microsoft.Extensions.Logging;
using SafeCallLogger.Sqlite.Internal;
using SafeCallLogger.Sqlite.Tests.Support;
using static SafeCallLogger.Sqlite.Tests.Support.TestData;

namespace SafeCallLogger.Sqlite.Tests;

public sealed class SqliteCallSinkTests : IDisposable
{
    private static readonly string[] BriefColumns =
    [
        "call_id", "call_type", "sport", "league", "team_a", "team_b", "match_date", "match_commence_time",
        "bookmaker_a", "bookmaker_b", "market_type", "odds_a", "odds_b", "odds_a_decimal", "odds_b_decimal",
        "recommended_stake_a", "recommended_stake_b", "total_stake", "expected_profit", "roi_percent",
        "alert_sent_at", "expires_at", "total_users_notified", "total_users_bet", "alert_clicked_count",
        "actual_outcome", "actual_profit", "line_movement_speed", "closing_line_a", "closing_line_b", "clv_a", "clv_b",
        "data_source", "raw_data",
    ];

    private readonly TempDatabase _db = new();
    private readonly FakeTimeProvider _time = new(Start);

    public void Dispose() => _db.Dispose();

    private SqliteCallSink NewSink(SqliteSinkOptions? options = null) => new(_db.ConnectionString, options, _time);

    private static async Task WriteAsync(SqliteCallSink sink, params CallOperation[] operations) =>
        await sink.WriteAsync(operations, CancellationToken.None);

    [Fact]
    public async Task WriteAsync_NewDatabase_CreatesBriefColumnsIndexesWalAndOwnVersionTable()
    {
        await using (var sink = NewSink())
        {
            await WriteAsync(sink, Upsert("c1"));
        }

        using var connection = _db.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_info('arbitrage_calls') ORDER BY cid";
        var columns = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                columns.Add(reader.GetString(0));
            }
        }

        Assert.Equal(BriefColumns, columns);
        Assert.Equal(0L, _db.Scalar("PRAGMA user_version"));
        Assert.Equal((long)SafeCallLogger.Sqlite.Internal.SchemaMigrations.CurrentVersion, _db.Scalar("SELECT version FROM arbitrage_calls_schema"));
        Assert.Equal("wal", _db.Scalar("PRAGMA journal_mode"));
        foreach (var column in new[] { "call_type", "sport", "roi_percent", "alert_sent_at" })
        {
            Assert.True(_db.Count($"SELECT COUNT(*) FROM pragma_index_list('arbitrage_calls') l JOIN pragma_index_info(l.name) i WHERE i.name = '{column}' AND i.seqno = 0") >= 1, column);
        }

        foreach (var table in new[] { "arbitrage_calls_notified_users", "arbitrage_calls_clicks", "arbitrage_calls_pending_ops", "arbitrage_calls_applied_ops", "arbitrage_calls_dead_letters" })
        {
            Assert.Equal(1L, _db.Count($"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'"));
        }
    }

    [Fact]
    public async Task WriteAsync_NewCall_StoresEveryColumnAsTheBriefSays()
    {
        await using (var sink = NewSink())
        {
            await WriteAsync(sink, Upsert("c1", usersNotified: 3, call: Call("c1", oddsA: Odds.FromAmerican(-110), users: [7, 8, 9])));
        }

        var row = _db.Row("SELECT * FROM arbitrage_calls WHERE call_id = 'c1'");
        Assert.Equal("arbitrage", row["call_type"]);
        Assert.Equal("basketball_nba", row["sport"]);
        Assert.Equal(-110.0, row["odds_a"]);
        Assert.Equal(1 + (100.0 / 110), (double)row["odds_a_decimal"]!, 12);
        Assert.Equal(2.05, row["odds_b_decimal"]);
        Assert.Equal("2026-03-14 18:30:00.000", row["alert_sent_at"]);
        Assert.Equal("2026-03-14 18:45:00.000", row["expires_at"]);
        Assert.Equal("2026-03-14 20:30:00.000", row["match_commence_time"]);
        Assert.Equal(3L, row["total_users_notified"]);
        Assert.Equal(0L, row["total_users_bet"]);
        Assert.Equal(0L, row["alert_clicked_count"]);
        Assert.Null(row["actual_outcome"]);
        Assert.Equal("odds_api", row["data_source"]);
        Assert.Equal("{\"note\":\"a \\u0022quoted\\u0022, comma\"}", row["raw_data"]);
        Assert.Equal(3L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls_notified_users WHERE call_id = 'c1'"));
    }

    [Fact]
    public async Task WriteAsync_Rebroadcast_AddsUsersNotifiedAndKeepsOtherColumns()
    {
        await using (var sink = NewSink())
        {
            await WriteAsync(sink, Upsert("c1", usersNotified: 10, users: [1, 2]));
            await WriteAsync(sink, Upsert("c1", usersNotified: 5, users: [2, 3], at: Start.AddMinutes(20), call: Call("c1", sport: "changed", users: [2, 3])));
        }

        var row = _db.Row("SELECT total_users_notified, sport, alert_sent_at FROM arbitrage_calls WHERE call_id = 'c1'");
        Assert.Equal(15L, row["total_users_notified"]);
        Assert.Equal("basketball_nba", row["sport"]);
        Assert.Equal("2026-03-14 18:30:00.000", row["alert_sent_at"]);
        Assert.Equal(3L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls_notified_users WHERE call_id = 'c1'"));
    }

    [Fact]
    public async Task WriteAsync_Clicks_CountEveryClickAndEachUserOnce()
    {
        await using (var sink = NewSink())
        {
            await WriteAsync(sink, Upsert("c1"), Click("c1", 42), Click("c1", 42));
            await WriteAsync(sink, Click("c1", 7), Click("c1"), Click("c1"));
        }

        var row = _db.Row("SELECT alert_clicked_count, total_users_bet FROM arbitrage_calls WHERE call_id = 'c1'");
        Assert.Equal(5L, row["alert_clicked_count"]);
        Assert.Equal(4L, row["total_users_bet"]);
        Assert.Equal(2L, _db.Scalar("SELECT click_count FROM arbitrage_calls_clicks WHERE call_id = 'c1' AND user_id = 42"));
        Assert.Equal(1L, _db.Scalar("SELECT click_count FROM arbitrage_calls_clicks WHERE call_id = 'c1' AND user_id = 7"));
    }

    [Fact]
    public async Task WriteAsync_ResultAndClosingLines_LandInTheirColumnsWithClv()
    {
        var oddsA = Odds.FromAmerican(+150);
        await using (var sink = NewSink())
        {
            await WriteAsync(sink, Upsert("c1", call: Call("c1", oddsA: oddsA, oddsB: 1.80)));
            await WriteAsync(sink, Result("c1", CallOutcome.AWon, 12.5), Closing("c1", Odds.FromAmerican(+120), 1.90, LineMovementSpeed.Fast));
        }

        var row = _db.Row("SELECT * FROM arbitrage_calls WHERE call_id = 'c1'");
        Assert.Equal("a_won", row["actual_outcome"]);
        Assert.Equal(12.5, row["actual_profit"]);
        Assert.Equal(2.2, (double)row["closing_line_a"]!, 12);
        Assert.Equal(1.90, row["closing_line_b"]);
        Assert.Equal(Odds.ClosingLineValuePercent(oddsA, Odds.FromAmerican(+120)), (double)row["clv_a"]!, 10);
        Assert.Equal(Odds.ClosingLineValuePercent(1.80, 1.90), (double)row["clv_b"]!, 10);
        Assert.Equal((2.5 / 2.2 - 1) * 100, (double)row["clv_a"]!, 10);
        Assert.Equal("fast", row["line_movement_speed"]);
    }

    [Fact]
    public async Task WriteAsync_SameBatchTwice_AppliesEachOperationOnce()
    {
        CallOperation[] batch = [Upsert("c1", usersNotified: 4), Click("c1", 1), Click("c1"), Result("c1", CallOutcome.Push, 0)];
        await using (var sink = NewSink())
        {
            await WriteAsync(sink, batch);
            await WriteAsync(sink, batch);
            await using var second = NewSink();
            await WriteAsync(second, batch);
        }

        var row = _db.Row("SELECT total_users_notified, alert_clicked_count, total_users_bet, actual_outcome FROM arbitrage_calls");
        Assert.Equal(4L, row["total_users_notified"]);
        Assert.Equal(2L, row["alert_clicked_count"]);
        Assert.Equal(2L, row["total_users_bet"]);
        Assert.Equal("push", row["actual_outcome"]);
        Assert.Equal(4L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls_applied_ops"));
    }

    [Fact]
    public async Task WriteAsync_OperationsBeforeTheirCall_AppliedWhenTheCallArrives()
    {
        await using (var sink = NewSink())
        {
            await WriteAsync(sink, Click("late", 5), Click("late", 5), Click("late"));
            await WriteAsync(sink, Result("late", CallOutcome.BWon, -3), Closing("late", 2.0, 2.0, LineMovementSpeed.Slow));
            Assert.Equal(0L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls"));
            Assert.Equal(5L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls_pending_ops"));
            await WriteAsync(sink, Upsert("late", usersNotified: 2));
            Assert.Equal(0, sink.OrphanedOperations);
        }

        var row = _db.Row("SELECT * FROM arbitrage_calls WHERE call_id = 'late'");
        Assert.Equal(3L, row["alert_clicked_count"]);
        Assert.Equal(2L, row["total_users_bet"]);
        Assert.Equal("b_won", row["actual_outcome"]);
        Assert.Equal(-3.0, row["actual_profit"]);
        Assert.Equal(2.0, row["closing_line_a"]);
        Assert.Equal((2.10 / 2.0 - 1) * 100, (double)row["clv_a"]!, 10);
        Assert.Equal("slow", row["line_movement_speed"]);
        Assert.Equal(0L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls_pending_ops"));
    }

    [Fact]
    public async Task WriteAsync_PendingWrittenByAnotherSinkOnTheSameFile_AppliedWhenThisSinkStoresTheCall()
    {
        await using var first = NewSink();
        await using var second = NewSink();
        await WriteAsync(second, Upsert("opened")); // its session now believes nothing is pending
        await WriteAsync(first, Click("x", 7));
        Assert.Equal(1L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls_pending_ops"));

        await WriteAsync(second, Upsert("x"));

        var row = _db.Row("SELECT * FROM arbitrage_calls WHERE call_id = 'x'");
        Assert.Equal(1L, row["alert_clicked_count"]);
        Assert.Equal(1L, row["total_users_bet"]);
        Assert.Equal(0L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls_pending_ops"));
    }

    [Fact]
    public async Task WriteAsync_MorePendingThanTheLimit_CountsOrphanedWithoutThrowing()
    {
        using var logs = new FakeLoggerProvider();
        using var warnings = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        await using var sink = new SqliteCallSink(_db.ConnectionString, new SqliteSinkOptions { MaxPendingOperations = 2 }, _time, warnings);
        await WriteAsync(sink, Click("nope"), Click("nope"), Click("nope"), Result("other", CallOutcome.AWon, 1));
        await WriteAsync(sink, Click("nope"));
        // The sink's lines are written off the writer by its log pump: wait for the line, not just the write.
        await TestWait.Until(() => logs.Collector.GetSnapshot().Any(r => r.Id.Id == 108), "the orphan warning");

        Assert.Equal(3, sink.OrphanedOperations);
        Assert.Equal(2L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls_pending_ops"));
        Assert.Single(logs.Collector.GetSnapshot(), r => r.Id.Id == 108);
    }

    [Fact]
    public async Task WriteAsync_PendingOlderThanItsTtl_PrunedSoNewEarlyClicksStillFit()
    {
        var options = new SqliteSinkOptions { MaxPendingOperations = 2, PendingOperationTtl = TimeSpan.FromDays(7), RetentionDays = 0 };
        await using var sink = NewSink(options);
        await WriteAsync(sink, Click("dead1"), Click("dead2"));
        Assert.Equal(2L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls_pending_ops"));

        _time.Advance(TimeSpan.FromDays(6));
        await WriteAsync(sink, Upsert("unrelated"));
        Assert.Equal(2L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls_pending_ops"));

        // Past the TTL the daily run prunes the orphans (retention of calls is off), and an early click is kept again.
        _time.Advance(TimeSpan.FromDays(2));
        await WriteAsync(sink, Upsert("unrelated2"));
        Assert.Equal(0L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls_pending_ops"));
        await WriteAsync(sink, Click("early", 4), Upsert("early"));

        Assert.Equal(0, sink.OrphanedOperations);
        Assert.Equal(1L, _db.Row("SELECT alert_clicked_count FROM arbitrage_calls WHERE call_id = 'early'")["alert_clicked_count"]);
    }

    [Fact]
    public async Task WriteAsync_Cancelled_ThrowsAndWritesNothing()
    {
        await using var sink = NewSink();
        await WriteAsync(sink, Upsert("first"));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sink.WriteAsync([Upsert("second")], cancelled.Token).AsTask());

        Assert.Equal(1L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls"));
    }

    [Fact]
    public async Task WriteAsync_CustomTableName_WritesThatTableAndCompanions()
    {
        await using (var sink = NewSink(new SqliteSinkOptions { TableName = "ml_calls" }))
        {
            await WriteAsync(sink, Upsert("c1", users: [1]), Click("c1", 1));
        }

        Assert.Equal(1L, _db.Count("SELECT COUNT(*) FROM ml_calls"));
        Assert.Equal(1L, _db.Count("SELECT COUNT(*) FROM ml_calls_clicks"));
        Assert.Equal(0L, _db.Count("SELECT COUNT(*) FROM sqlite_master WHERE name = 'arbitrage_calls'"));
    }

    [Fact]
    public async Task WriteAsync_AfterDispose_ThrowsObjectDisposed()
    {
        var sink = NewSink();
        await sink.DisposeAsync();
        await sink.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => sink.WriteAsync([Upsert("c1")], CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task WriteAsync_DirectoryMissing_ThrowsThenRecoversWhenItExists()
    {
        var dir = Path.Combine(_db.Directory, "later");
        await using var sink = new SqliteCallSink($"Data Source={Path.Combine(dir, "x.db")};Pooling=False", timeProvider: _time);

        await Assert.ThrowsAnyAsync<Exception>(() => sink.WriteAsync([Upsert("c1")], CancellationToken.None).AsTask());
        Directory.CreateDirectory(dir);
        await sink.WriteAsync([Upsert("c1")], CancellationToken.None);
    }

    [Fact]
    public async Task WriteAsync_RandomOperations_MatchesInMemorySink()
    {
        var random = new Random(1234);
        var memory = new InMemoryCallSink();
        var ids = Enumerable.Range(0, 8).Select(i => "id" + i).ToArray();
        await using (var sink = NewSink())
        {
            for (var b = 0; b < 20; b++)
            {
                var batch = new List<CallOperation>();
                for (var i = 0; i < 15; i++)
                {
                    var id = ids[random.Next(ids.Length)];
                    batch.Add(random.Next(5) switch
                    {
                        0 => Upsert(id, random.Next(1, 50), users: [random.Next(4), random.Next(4)]),
                        1 => Click(id, random.Next(3) == 0 ? null : random.Next(4)),
                        2 => Click(id, random.Next(4)),
                        3 => Result(id, (CallOutcome)random.Next(4), random.Next(-10, 10)),
                        _ => Closing(id, 1.5 + random.NextDouble(), 1.5 + random.NextDouble(), (LineMovementSpeed)random.Next(1, 4)),
                    });
                }

                if (b % 4 == 3)
                {
                    batch.AddRange(batch.Take(5));
                }

                await sink.WriteAsync(batch, CancellationToken.None);
                await memory.WriteAsync(batch, CancellationToken.None);
            }
        }

        foreach (var expected in memory.GetCalls())
        {
            var row = _db.Row($"SELECT * FROM arbitrage_calls WHERE call_id = '{expected.CallId}'");
            Assert.Equal((long)expected.TotalUsersNotified, row["total_users_notified"]);
            Assert.Equal((long)expected.TotalUsersBet, row["total_users_bet"]);
            Assert.Equal((long)expected.AlertClickedCount, row["alert_clicked_count"]);
            Assert.Equal(expected.ActualOutcome?.ToStorageValue(), row["actual_outcome"]);
            Assert.Equal(expected.ActualProfit, row["actual_profit"] as double?);
            Assert.Equal(expected.ClosingLineA, row["closing_line_a"] as double?);
            Assert.Equal(expected.ClvA, row["clv_a"] as double?);
            Assert.Equal(expected.ClvB, row["clv_b"] as double?);
            Assert.Equal(expected.LineMovementSpeed?.ToStorageValue(), row["line_movement_speed"]);
            Assert.Equal(expected.ClickedUserIds.Count, _db.Count($"SELECT COUNT(*) FROM arbitrage_calls_clicks WHERE call_id = '{expected.CallId}'"));
            Assert.Equal(expected.NotifiedUserIds.Count, _db.Count($"SELECT COUNT(*) FROM arbitrage_calls_notified_users WHERE call_id = '{expected.CallId}'"));
        }

        Assert.Equal(memory.Count, _db.Count("SELECT COUNT(*) FROM arbitrage_calls"));
        Assert.Equal(memory.WaitingOperations, _db.Count("SELECT COUNT(*) FROM arbitrage_calls_pending_ops"));
    }
}
