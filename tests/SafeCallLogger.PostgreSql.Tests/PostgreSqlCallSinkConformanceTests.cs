using SafeCallLogger.PostgreSql.Internal;
using SafeCallLogger.PostgreSql.Tests.Support;
using SafeCallLogger.Tests.Sinks;

namespace SafeCallLogger.PostgreSql.Tests;

/// <summary>The sink contract every sink keeps, against a real PostgreSQL server, a fresh database per test.</summary>
[Collection(PgCollection.Name)]
public sealed class PostgreSqlCallSinkConformanceTests(PgServer server) : RefusingCallSinkConformanceTests
{
    private PgDatabase? _db;

    private PgDatabase Db => _db ??= new PgDatabase(server);

    protected override ICallSink CreateSink() => new PostgreSqlCallSink(Db.ConnectionString, timeProvider: new FakeTimeProvider(Start));

    protected override Task<StoredTotals?> ReadCallAsync(string callId) => Task.FromResult(StoredRows.Totals(Db, callId));

    protected override Task<CallOperation> ArrangeUnstorableUpsertAsync(string callId)
    {
        // A table a Python bot made, with a constraint of its own (league required): the sink adopts it as it is.
        Db.Execute(PgSchema.Version1(new PgTableNames("public", "arbitrage_calls")).Replace("league text,", "league text NOT NULL,", StringComparison.Ordinal));
        return Task.FromResult(Upsert(callId, call: NewCall(callId, league: null)));
    }
}
