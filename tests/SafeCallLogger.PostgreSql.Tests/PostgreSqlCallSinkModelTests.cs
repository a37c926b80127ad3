using SafeCallLogger.PostgreSql.Tests.Support;
using SafeCallLogger.Tests.Sinks;

namespace SafeCallLogger.PostgreSql.Tests;

/// <summary>
/// Random histories against a fresh database per history on the run's server (a new sink, connection and staging
/// tables where the history restarts), compared with the in-memory model: totals, first send, odds, raw data, per-user rows.
/// </summary>
[Collection(PgCollection.Name)]
public sealed class PostgreSqlCallSinkModelTests(PgServer server) : CallSinkModelTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 14, 18, 30, 0, TimeSpan.Zero);
    private PgDatabase? _db;

    protected override bool OutlivesSink => true;

    protected override ICallSink CreateSink()
    {
        _db = new PgDatabase(server);
        return ReopenSink();
    }

    protected override ICallSink ReopenSink() => new PostgreSqlCallSink(Db.ConnectionString, timeProvider: new FakeTimeProvider(Now));

    protected override Task<StoredTotals?> ReadCallAsync(string callId) => Task.FromResult(StoredRows.Totals(Db, callId));

    protected override Task<StoredDetails?> ReadDetailsAsync(string callId) => Task.FromResult(StoredRows.Details(Db, callId));

    protected override Task CleanUpAsync()
    {
        _db = null;
        return Task.CompletedTask;
    }

    private PgDatabase Db => _db ?? throw new InvalidOperationException("No history is running.");
}
