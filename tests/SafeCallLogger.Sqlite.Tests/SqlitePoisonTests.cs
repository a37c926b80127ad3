using Microsoft.Data.Sqlite;
using SafeCallLogger.Sqlite.Internal;
using SafeCallLogger.Sqlite.Tests.Support;
using static SafeCallLogger.Sqlite.Tests.Support.TestData;

namespace SafeCallLogger.Sqlite.Tests;

/// <summary>Records the table refuses are told apart from outages, never silently dropped, and kept as dead letters.</summary>
public sealed class SqlitePoisonTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private readonly FakeTimeProvider _time = new(Start);

    public void Dispose() => _db.Dispose();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task WriteAsync_ShellTableWithExtraNotNullAndCheck_RefusedCallThrowsUnstorableWhereverItStands(int position)
    {
        // A table a Python bot made, with a constraint of its own: league required and not empty.
        await Sqlite3Shell.CreateSeedTableAsync(_db.Path, "league TEXT NOT NULL CHECK (length(league) > 0),");
        var bad = Upsert("bad", call: CallWithLeague("bad", position == 1 ? string.Empty : null));
        var batch = new List<CallOperation> { Upsert("good1"), Upsert("good2") };
        batch.Insert(position, bad);
        await using var sink = new SqliteCallSink(_db.ConnectionString, timeProvider: _time);

        var error = await Assert.ThrowsAsync<UnstorableOperationException>(() => sink.WriteAsync(batch, CancellationToken.None).AsTask());

        Assert.Equal(bad.OperationId, error.OperationId);
        Assert.Contains("constraint", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls"));
        batch.Remove(bad);
        await sink.WriteAsync(batch, CancellationToken.None);
        Assert.Equal(2L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls"));
    }

    [Fact]
    public async Task WriteAsync_SameCallIdAgainOnShellTable_StillARebroadcast()
    {
        await Sqlite3Shell.CreateSeedTableAsync(_db.Path, "league TEXT NOT NULL,");
        await using var sink = new SqliteCallSink(_db.ConnectionString, timeProvider: _time);

        await sink.WriteAsync([Upsert("c1", usersNotified: 3), Upsert("c1", usersNotified: 4)], CancellationToken.None);

        Assert.Equal(7L, _db.Scalar("SELECT total_users_notified FROM arbitrage_calls WHERE call_id = 'c1'"));
    }

    [Theory]
    [InlineData(19, 275, true)] // SQLITE_CONSTRAINT_CHECK
    [InlineData(19, 1299, true)] // SQLITE_CONSTRAINT_NOTNULL
    [InlineData(20, 20, true)] // SQLITE_MISMATCH
    [InlineData(18, 18, true)] // SQLITE_TOOBIG
    [InlineData(5, 5, false)] // SQLITE_BUSY
    [InlineData(6, 6, false)] // SQLITE_LOCKED
    [InlineData(10, 778, false)] // SQLITE_IOERR_WRITE
    [InlineData(14, 14, false)] // SQLITE_CANTOPEN
    [InlineData(8, 8, false)] // SQLITE_READONLY
    [InlineData(13, 13, false)] // SQLITE_FULL
    [InlineData(11, 11, false)] // SQLITE_CORRUPT
    [InlineData(26, 26, false)] // SQLITE_NOTADB
    [InlineData(3, 3, false)] // SQLITE_PERM
    public void IsUnstorable_SqliteError_OnlyDataErrorsAreTheRecordsFault(int code, int extended, bool unstorable)
    {
        Assert.Equal(unstorable, SqliteErrors.IsUnstorable(new SqliteException("test", code, extended)));
    }

    [Fact]
    public async Task WriteAsync_RawDataJsonTakenAtTheDoor_StoredAsIsInsteadOfTheObject()
    {
        await using (var sink = new SqliteCallSink(_db.ConnectionString, timeProvider: _time))
        {
            await sink.WriteAsync([Upsert("c1") with { RawDataJson = "{\"edge\":1.5}" }], CancellationToken.None);
        }

        Assert.Equal("{\"edge\":1.5}", _db.Scalar("SELECT raw_data FROM arbitrage_calls"));
    }

    [Fact]
    public async Task ReplayDeadLettersAsync_CauseFixedWithTheShell_AppliesDeletesAndCounts()
    {
        await Sqlite3Shell.CreateSeedTableAsync(_db.Path, extra: "CREATE TRIGGER refuse BEFORE INSERT ON arbitrage_calls WHEN NEW.league IS NULL BEGIN SELECT RAISE(ABORT, 'league required'); END;");
        var bad = Upsert("bad", call: CallWithLeague("bad", null));
        await using var sink = new SqliteCallSink(_db.ConnectionString, timeProvider: _time);
        var error = await Assert.ThrowsAsync<UnstorableOperationException>(() => sink.WriteAsync([bad], CancellationToken.None).AsTask());
        await sink.WriteDeadLettersAsync([new DeadLetter(bad, error.Message, Start)], CancellationToken.None);
        await sink.WriteDeadLettersAsync([new DeadLetter(bad, error.Message, Start)], CancellationToken.None);
        var store = new SqliteCallStore(_db.ConnectionString, timeProvider: _time);

        var letter = Assert.Single(await store.GetDeadLettersAsync());
        Assert.Equal(bad.OperationId, letter.Operation.OperationId);
        Assert.Equal("bad", letter.Operation.CallId);
        Assert.Equal(CallOperationKind.UpsertCall, letter.Operation.Kind);
        Assert.Equal("bet365", letter.Operation.Call!.BookmakerA);
        Assert.Contains("league required", letter.Error, StringComparison.Ordinal);
        Assert.Equal(Start, letter.FailedAt);
        Assert.Equal("UpsertCall|bad", Assert.Single(await Sqlite3Shell.RunAsync(_db.Path, "SELECT kind || '|' || call_id FROM arbitrage_calls_dead_letters;")));

        Assert.Equal(new DeadLetterReplayResult(0, 1), await store.ReplayDeadLettersAsync());
        await Sqlite3Shell.RunAsync(_db.Path, "DROP TRIGGER refuse;");
        Assert.Equal(new DeadLetterReplayResult(1, 0), await store.ReplayDeadLettersAsync());

        Assert.Empty(await store.GetDeadLettersAsync());
        Assert.Equal(1L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls WHERE call_id = 'bad'"));
        Assert.Equal(new DeadLetterReplayResult(0, 0), await store.ReplayDeadLettersAsync());
    }

    private static CallRecord CallWithLeague(string id, string? league)
    {
        var call = Call(id);
        return new CallRecord
        {
            CallId = id,
            CallType = call.CallType,
            Sport = call.Sport,
            League = league,
            TeamA = call.TeamA,
            TeamB = call.TeamB,
            BookmakerA = call.BookmakerA,
            BookmakerB = call.BookmakerB,
            OddsA = call.OddsA,
            OddsB = call.OddsB,
            RoiPercent = call.RoiPercent,
        };
    }
}
