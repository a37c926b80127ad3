using Npgsql;
using SafeCallLogger.PostgreSql.Internal;
using SafeCallLogger.PostgreSql.Tests.Support;
using static SafeCallLogger.PostgreSql.Tests.Support.TestData;

namespace SafeCallLogger.PostgreSql.Tests;

/// <summary>What the PostgreSQL sink adds to the shared contract: its schema option, the seed's psql checks, pending caps, cancellation.</summary>
[Collection(PgCollection.Name)]
public sealed class PostgreSqlCallSinkTests(PgServer server)
{
    private readonly PgDatabase _db = new(server);

    // The operations' own time: with the system clock, the daily retention would expire their March timestamps.
    private readonly FakeTimeProvider _time = new(Start);

    [Fact]
    public async Task WriteAsync_SchemaNameOption_TablesInThatSchemaOnly()
    {
        await using (var sink = new PostgreSqlCallSink(_db.ConnectionString, new PostgreSqlSinkOptions { SchemaName = "bots" }))
        {
            await sink.WriteAsync([Upsert("c1", usersNotified: 2), Click("c1", 7)], CancellationToken.None);
        }

        Assert.Equal(2L, _db.Count("SELECT total_users_notified FROM bots.arbitrage_calls WHERE call_id = 'c1'"));
        Assert.Equal(1L, _db.Count("SELECT count(*) FROM bots.arbitrage_calls_clicks"));
        Assert.False(_db.TableExists("public.arbitrage_calls"));
    }

    [Fact]
    public async Task SeedChecks_InPsql_AnswerOnTheTableTheSinkWrote()
    {
        await using (var sink = new PostgreSqlCallSink(_db.ConnectionString))
        {
            await sink.WriteAsync([Upsert("older", at: Start), Upsert("newer", at: Start.AddMinutes(5)), Click("newer", 1), Click("newer", 1)], CancellationToken.None);
        }

        // The seed guide's two checks, word for word.
        var last = await Psql.QueryAsync(server, _db.ConnectionString, "SELECT * FROM arbitrage_calls ORDER BY sent_at DESC LIMIT 1;");
        var clicked = await Psql.QueryAsync(server, _db.ConnectionString, "SELECT users_clicked FROM arbitrage_calls WHERE call_id='newer';");

        Assert.StartsWith("newer|arbitrage|basketball_nba|NBA|Lakers|Celtics|", last, StringComparison.Ordinal);
        Assert.Equal("2", clicked);
    }

    [Fact]
    public async Task WriteAsync_MorePendingThanTheCap_ExtraOnesCountedAsOrphanedNeverAnError()
    {
        await using var sink = new PostgreSqlCallSink(_db.ConnectionString, new PostgreSqlSinkOptions { MaxPendingOperations = 2 }, _time);

        await sink.WriteAsync([Click("early", 1), Click("early", 2), Click("early", 3)], CancellationToken.None);
        await sink.WriteAsync([Upsert("early")], CancellationToken.None);

        Assert.Equal(1L, sink.OrphanedOperations);
        Assert.Equal(2L, _db.Count("SELECT alert_clicked_count FROM arbitrage_calls WHERE call_id = 'early'"));
        Assert.Equal(0L, _db.Count("SELECT count(*) FROM arbitrage_calls_pending_ops"));
    }

    [Fact]
    public async Task WriteAsync_CallStoredByAnotherWriter_ItsWaitingClicksAppliedByTheNextBatch()
    {
        await using var first = new PostgreSqlCallSink(_db.ConnectionString, timeProvider: _time);
        await using var second = new PostgreSqlCallSink(_db.ConnectionString, timeProvider: _time);

        await first.WriteAsync([Click("shared", 1), Click("shared", 1)], CancellationToken.None);
        await second.WriteAsync([Upsert("shared", usersNotified: 3)], CancellationToken.None);
        await first.WriteAsync([Upsert("shared", usersNotified: 4), Click("shared", 2)], CancellationToken.None);

        var row = _db.Row("SELECT total_users_notified, total_users_bet, alert_clicked_count FROM arbitrage_calls WHERE call_id = 'shared'");
        Assert.Equal((7, 2, 3), ((int)row["total_users_notified"]!, (int)row["total_users_bet"]!, (int)row["alert_clicked_count"]!));
    }

    [Fact]
    public async Task WriteAsync_NotifiedUsersAndRawData_StoredPerUserAndAsJsonb()
    {
        await using (var sink = new PostgreSqlCallSink(_db.ConnectionString))
        {
            await sink.WriteAsync([Upsert("c1", call: Call("c1", users: [1, 2, 2, 3])), Upsert("c1", call: Call("c1", users: [3, 4]))], CancellationToken.None);
        }

        Assert.Equal(4L, _db.Count("SELECT count(*) FROM arbitrage_calls_notified_users WHERE call_id = 'c1'"));
        Assert.Equal("jsonb", _db.Scalar("SELECT pg_typeof(raw_data)::text FROM arbitrage_calls"));
        Assert.Equal(1.5, (double)(decimal)_db.Scalar("SELECT (raw_data->>'edge')::numeric FROM arbitrage_calls")!);
    }

    [Fact]
    public async Task WriteAsync_TokenCancelledWhileTheServerWaitsOnALock_CancelsAndTheNextWriteSucceeds()
    {
        await using var sink = new PostgreSqlCallSink(_db.ConnectionString);
        await sink.WriteAsync([Upsert("c0")], CancellationToken.None);
        await using var holder = new NpgsqlConnection(_db.ConnectionString);
        await holder.OpenAsync();
        var lockTx = await holder.BeginTransactionAsync();
        await new NpgsqlCommand("LOCK TABLE arbitrage_calls IN ACCESS EXCLUSIVE MODE", holder, lockTx).ExecuteNonQueryAsync();

        using var cancel = new CancellationTokenSource();
        var write = sink.WriteAsync([Upsert("c1")], cancel.Token).AsTask();
        await TestWait.Until(() => _db.Count("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'SafeCallLogger' AND wait_event_type = 'Lock'") > 0, "the write to wait on the lock");
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => write);
        await lockTx.RollbackAsync();
        await sink.WriteAsync([Upsert("c1")], CancellationToken.None);
        Assert.Equal(2L, _db.Count("SELECT count(*) FROM arbitrage_calls"));
    }

    [Theory]
    [InlineData("23502", true)] // not_null_violation
    [InlineData("23514", true)] // check_violation
    [InlineData("23505", true)] // unique_violation on a constraint other than the conflict target
    [InlineData("22003", true)] // numeric_value_out_of_range
    [InlineData("22P02", true)] // invalid_text_representation (bad JSON)
    [InlineData("54000", true)] // program_limit_exceeded (index row too big)
    [InlineData("57P01", false)] // admin_shutdown
    [InlineData("57P02", false)] // crash_shutdown
    [InlineData("57P03", false)] // cannot_connect_now
    [InlineData("08006", false)] // connection_failure
    [InlineData("40001", false)] // serialization_failure
    [InlineData("40P01", false)] // deadlock_detected
    [InlineData("53300", false)] // too_many_connections
    [InlineData("42P01", false)] // undefined_table: the schema, not the record
    [InlineData("42501", false)] // insufficient_privilege
    public void IsDataError_ServerError_OnlyDataErrorsAreTheRecordsFault(string sqlState, bool data)
    {
        var error = new PostgresException("test", "ERROR", "ERROR", sqlState);

        Assert.Equal(data, PgErrors.IsDataError(error));
        if (!data && sqlState is not ("42P01" or "42501"))
        {
            Assert.True(PgErrors.IsTransient(error));
        }
    }

    [Fact]
    public void IsDataError_DriverAndNetworkFailures_AreOutages()
    {
        Assert.False(PgErrors.IsDataError(new NpgsqlException("boom", new System.Net.Sockets.SocketException())));
        Assert.True(PgErrors.IsTransient(new NpgsqlException("boom", new System.Net.Sockets.SocketException())));
        Assert.True(PgErrors.IsTransient(new NpgsqlException("timeout", new TimeoutException())));
        Assert.False(PgErrors.IsDataError(new IOException()));
    }
}
