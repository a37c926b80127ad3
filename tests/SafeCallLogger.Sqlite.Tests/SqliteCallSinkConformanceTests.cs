using SafeCallLogger.Sqlite.Internal;
using SafeCallLogger.Sqlite.Tests.Support;
using SafeCallLogger.Tests.Sinks;

namespace SafeCallLogger.Sqlite.Tests;

/// <summary>The sink contract, against a real SQLite file, read back with SQL on <c>arbitrage_calls</c>.</summary>
public sealed class SqliteCallSinkConformanceTests : RefusingCallSinkConformanceTests
{
    private readonly TempDatabase _db = new();

    protected override ICallSink CreateSink() => new SqliteCallSink(_db.ConnectionString, timeProvider: new FakeTimeProvider(Start));

    protected override Task<StoredTotals?> ReadCallAsync(string callId)
    {
        if (_db.Count("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'arbitrage_calls'") == 0)
        {
            return Task.FromResult<StoredTotals?>(null);
        }

        var escaped = callId.Replace("'", "''", StringComparison.Ordinal);
        if (_db.Count($"SELECT COUNT(*) FROM arbitrage_calls WHERE call_id = '{escaped}'") == 0)
        {
            return Task.FromResult<StoredTotals?>(null);
        }

        var row = _db.Row($"""
            SELECT total_users_notified, total_users_bet, alert_clicked_count, actual_outcome, actual_profit,
                   closing_line_a, closing_line_b, clv_a, clv_b, line_movement_speed
            FROM arbitrage_calls WHERE call_id = '{escaped}'
            """);
        return Task.FromResult<StoredTotals?>(new StoredTotals(
            Int(row["total_users_notified"]),
            Int(row["total_users_bet"]),
            Int(row["alert_clicked_count"]),
            row["actual_outcome"] is string outcome ? (StorageValues.TryParseOutcome(outcome, out var o) ? o : throw new Xunit.Sdk.XunitException("actual_outcome " + outcome)) : null,
            (double?)row["actual_profit"],
            (double?)row["closing_line_a"],
            (double?)row["closing_line_b"],
            (double?)row["clv_a"],
            (double?)row["clv_b"],
            row["line_movement_speed"] is string speed ? (StorageValues.TryParseLineMovementSpeed(speed, out var s) ? s : throw new Xunit.Sdk.XunitException("line_movement_speed " + speed)) : null));
    }

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

    private static int Int(object? value) => value is null ? 0 : Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
}
