using SafeCallLogger.Sqlite.Internal;
using SafeCallLogger.Sqlite.Tests.Support;
using SafeCallLogger.Tests.Sinks;

namespace SafeCallLogger.Sqlite.Tests;

/// <summary>The sink contract, against a real SQLite file, read back with SQL on <c>arbitrage_calls</c>.</summary>
public sealed class SqliteCallSinkConformanceTests : RefusingCallSinkConformanceTests
{
    private readonly TempDatabase _db = new();

    protected override ICallSink CreateSink() => new SqliteCallSink(_db.ConnectionString, timeProvider: new FakeTimeProvider(Start));

    protected override Task<StoredTotals?> ReadCallAsync(string callId) => Task.FromResult(StoredRows.Totals(_db, callId));

    protected override async Task<CallOperation> ArrangeUnstorableUpsertAsync(string callId)
    {
        // A table a Python bot made, with a constraint of its own (league required): the sink adopts it as it is.
        _db.Execute(SqliteSchema.Version1(new TableNames("arbitrage_calls")).Replace("league TEXT,", "league TEXT NOT NULL,", StringComparison.Ordinal));
        await Task.CompletedTask;
        return Upsert(callId, call: NewCall(callId, league: null));
    }

    protected override Task CleanUpAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}
