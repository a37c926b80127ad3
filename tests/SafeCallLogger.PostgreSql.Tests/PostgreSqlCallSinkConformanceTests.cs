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

    protected override Task<StoredTotals?> ReadCallAsync(string callId)
    {
        if (!Db.TableExists("public.arbitrage_calls") || Db.Count($"SELECT count(*) FROM arbitrage_calls WHERE call_id = '{callId.Replace("'", "''", StringComparison.Ordinal)}'") == 0)
        {
            return Task.FromResult<StoredTotals?>(null);
        }

        var row = Db.Row($"""
            SELECT total_users_notified, total_users_bet, alert_clicked_count, actual_outcome, actual_profit,
                   closing_line_a, closing_line_b, clv_a, clv_b, line_movement_speed
            FROM arbitrage_calls WHERE call_id = '{callId.Replace("'", "''", StringComparison.Ordinal)}'
            """);
        return Task.FromResult<StoredTotals?>(new StoredTotals(
            (int)(row["total_users_notified"] ?? 0),
            (int)(row["total_users_bet"] ?? 0),
            (int)(row["alert_clicked_count"] ?? 0),
            row["actual_outcome"] is string outcome ? (StorageValues.TryParseOutcome(outcome, out var o) ? o : throw new Xunit.Sdk.XunitException("actual_outcome " + outcome)) : null,
            (double?)row["actual_profit"],
            (double?)row["closing_line_a"],
            (double?)row["closing_line_b"],
            (double?)row["clv_a"],
            (double?)row["clv_b"],
            row["line_movement_speed"] is string speed ? (StorageValues.TryParseLineMovementSpeed(speed, out var s) ? s : throw new Xunit.Sdk.XunitException("line_movement_speed " + speed)) : null));
    }

    protected override Task<CallOperation> ArrangeUnstorableUpsertAsync(string callId)
    {
        // A table a Python bot made, with a constraint of its own (league required): the sink adopts it as it is.
        Db.Execute(PgSchema.Version1(new PgTableNames("public", "arbitrage_calls")).Replace("league text,", "league text NOT NULL,", StringComparison.Ordinal));
        return Task.FromResult(Upsert(callId, call: NewCall(callId, league: null)));
    }
}
