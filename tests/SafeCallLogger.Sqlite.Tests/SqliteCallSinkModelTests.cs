using SafeCallLogger.Sqlite.Tests.Support;
using SafeCallLogger.Tests.Sinks;

namespace SafeCallLogger.Sqlite.Tests;

/// <summary>
/// Random histories against a real SQLite file per history (in its own temporary directory, reopened where the history
/// restarts), compared with the in-memory model: totals, first send, odds, raw data, and the per-user tables.
/// </summary>
public sealed class SqliteCallSinkModelTests : CallSinkModelTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 14, 18, 30, 0, TimeSpan.Zero);
    private TempDatabase? _db;

    protected override bool OutlivesSink => true;

    protected override ICallSink CreateSink()
    {
        _db = new TempDatabase();
        return ReopenSink();
    }

    // The bot restarted: a new sink, connection and prepared commands on the file the last one wrote.
    protected override ICallSink ReopenSink() => new SqliteCallSink(Db.ConnectionString, timeProvider: new FakeTimeProvider(Now));

    protected override Task<StoredTotals?> ReadCallAsync(string callId) => Task.FromResult(StoredRows.Totals(Db, callId));

    protected override Task<StoredDetails?> ReadDetailsAsync(string callId) => Task.FromResult(StoredRows.Details(Db, callId));

    protected override Task CleanUpAsync()
    {
        _db?.Dispose();
        _db = null;
        return Task.CompletedTask;
    }

    private TempDatabase Db => _db ?? throw new InvalidOperationException("No history is running.");
}
