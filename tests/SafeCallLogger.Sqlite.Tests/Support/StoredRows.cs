using System.Globalization;
using SafeCallLogger.Sqlite.Internal;
using SafeCallLogger.Tests.Sinks;

namespace SafeCallLogger.Sqlite.Tests.Support;

/// <summary>
/// What the SQLite sink stored for one call, read with SQL on <c>arbitrage_calls</c> and its per-user tables, in the
/// shapes the conformance suite and the model check compare.
/// </summary>
internal static class StoredRows
{
    /// <summary>The call's totals; <see langword="null"/> when the table or the row does not exist.</summary>
    public static StoredTotals? Totals(TempDatabase db, string callId)
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
            Int(row["total_users_notified"]),
            Int(row["total_users_bet"]),
            Int(row["alert_clicked_count"]),
            row["actual_outcome"] is string outcome ? (StorageValues.TryParseOutcome(outcome, out var o) ? o : throw new Xunit.Sdk.XunitException("actual_outcome " + outcome)) : null,
            (double?)row["actual_profit"],
            (double?)row["closing_line_a"],
            (double?)row["closing_line_b"],
            (double?)row["clv_a"],
            (double?)row["clv_b"],
            row["line_movement_speed"] is string speed ? (StorageValues.TryParseLineMovementSpeed(speed, out var s) ? s : throw new Xunit.Sdk.XunitException("line_movement_speed " + speed)) : null);
    }

    /// <summary>The call's send time, odds, raw data and users; <see langword="null"/> when the row does not exist.</summary>
    public static StoredDetails? Details(TempDatabase db, string callId)
    {
        if (!Exists(db, callId))
        {
            return null;
        }

        var id = Escape(callId);
        var row = db.Row($"SELECT alert_sent_at, odds_a_decimal, odds_b_decimal, raw_data FROM arbitrage_calls WHERE call_id = '{id}'");
        if (!SqliteText.TryParseTimestamp(row["alert_sent_at"], out var sentAt))
        {
            throw new Xunit.Sdk.XunitException("alert_sent_at " + row["alert_sent_at"]);
        }

        return new StoredDetails(
            sentAt,
            (double)row["odds_a_decimal"]!,
            (double)row["odds_b_decimal"]!,
            (string?)row["raw_data"],
            Users(db, $"SELECT user_id FROM arbitrage_calls_notified_users WHERE call_id = '{id}'"),
            Users(db, $"SELECT user_id FROM arbitrage_calls_clicks WHERE call_id = '{id}'"));
    }

    private static bool Exists(TempDatabase db, string callId) =>
        db.Count("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'arbitrage_calls'") != 0
        && db.Count($"SELECT COUNT(*) FROM arbitrage_calls WHERE call_id = '{Escape(callId)}'") != 0;

    private static List<long> Users(TempDatabase db, string sql)
    {
        using var connection = db.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var users = new List<long>();
        while (reader.Read())
        {
            users.Add(reader.GetInt64(0));
        }

        return users;
    }

    private static string Escape(string callId) => callId.Replace("'", "''", StringComparison.Ordinal);

    private static int Int(object? value) => value is null ? 0 : Convert.ToInt32(value, CultureInfo.InvariantCulture);
}
