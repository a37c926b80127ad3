using System.Text.Json.Nodes;
using Npgsql;
using SafeCallLogger.Tests.Sinks;

namespace SafeCallLogger.PostgreSql.Tests.Support;

/// <summary>What the PostgreSQL sink stored for one call, read with SQL, in the shapes the conformance suite and the model check compare.</summary>
internal static class StoredRows
{
    public static StoredTotals? Totals(PgDatabase db, string callId)
    {
        if (!Exists(db, callId))
        {
            return null;
        }

        var row = db.Row($"""
            SELECT total_users_notified, total_users_bet, alert_clicked_count, actual_outcome, actual_profit,
                   closing_line_a, closing_line_b, clv_a, clv_b, line_movement_speed
            FROM arbitrage_calls WHERE call_id = '{Escape(callId)}'
            """);
        return new StoredTotals(
            (int)(row["total_users_notified"] ?? 0),
            (int)(row["total_users_bet"] ?? 0),
            (int)(row["alert_clicked_count"] ?? 0),
            row["actual_outcome"] is string outcome ? (StorageValues.TryParseOutcome(outcome, out var o) ? o : throw new Xunit.Sdk.XunitException("actual_outcome " + outcome)) : null,
            (double?)row["actual_profit"],
            (double?)row["closing_line_a"],
            (double?)row["closing_line_b"],
            (double?)row["clv_a"],
            (double?)row["clv_b"],
            row["line_movement_speed"] is string speed ? (StorageValues.TryParseLineMovementSpeed(speed, out var s) ? s : throw new Xunit.Sdk.XunitException("line_movement_speed " + speed)) : null);
    }

    /// <summary>Send time, odds, raw data (jsonb printed compact) and users; <see langword="null"/> when the row does not exist.</summary>
    public static StoredDetails? Details(PgDatabase db, string callId)
    {
        if (!Exists(db, callId))
        {
            return null;
        }

        var id = Escape(callId);
        var row = db.Row($"SELECT alert_sent_at, odds_a_decimal, odds_b_decimal, raw_data::text AS raw_data FROM arbitrage_calls WHERE call_id = '{id}'");
        return new StoredDetails(
            new DateTimeOffset(DateTime.SpecifyKind((DateTime)row["alert_sent_at"]!, DateTimeKind.Utc)),
            (double)row["odds_a_decimal"]!,
            (double)row["odds_b_decimal"]!,
            row["raw_data"] is string raw ? JsonNode.Parse(raw)!.ToJsonString() : null,
            Users(db, $"SELECT user_id FROM arbitrage_calls_notified_users WHERE call_id = '{id}'"),
            Users(db, $"SELECT user_id FROM arbitrage_calls_clicks WHERE call_id = '{id}'"));
    }

    private static bool Exists(PgDatabase db, string callId) =>
        db.TableExists("public.arbitrage_calls") && db.Count($"SELECT count(*) FROM arbitrage_calls WHERE call_id = '{Escape(callId)}'") != 0;

    private static List<long> Users(PgDatabase db, string sql)
    {
        using var connection = new NpgsqlConnection(db.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var users = new List<long>();
        while (reader.Read())
        {
            users.Add(reader.GetInt64(0));
        }

        return users;
    }

    private static string Escape(string callId) => callId.Replace("'", "''", StringComparison.Ordinal);
}
