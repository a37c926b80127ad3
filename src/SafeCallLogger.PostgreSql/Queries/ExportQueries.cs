using Npgsql;

namespace SafeCallLogger.PostgreSql.Internal;

/// <summary>
/// The SQL of <see cref="ICallStore.ExportAsync"/>, giving the same columns and text as the SQLite store: the 34
/// columns by name and order, timestamps as canonical UTC text (<c>YYYY-MM-DD HH:MM:SS.SSS</c>), integers as 64-bit
/// (so JSON Lines writes numbers), <c>raw_data</c> as its JSON text; rows in time order.
/// </summary>
internal static class ExportQueries
{
    public static string Calls(PgTableNames t, CallExport export) =>
        $"SELECT {string.Join(", ", PgSchema.Columns.Select(Column))} FROM {t.Calls}{Range("alert_sent_at", export)} ORDER BY alert_sent_at, call_id";

    public static string UserEvents(PgTableNames t, CallExport export) => $"""
        SELECT call_id, user_id, event, {Canonical("event_at")} AS event_at, click_count FROM (
            SELECT call_id, user_id, 'notified' AS event, notified_at AS event_at, NULL::bigint AS click_count FROM {t.NotifiedUsers}
            UNION ALL
            SELECT call_id, user_id, 'clicked', first_clicked_at, click_count::bigint FROM {t.Clicks}) e{Range("event_at", export)}
        ORDER BY e.event_at, call_id, user_id
        """;

    public static void AddRange(NpgsqlCommand command, CallExport export)
    {
        if (export.Since is { } since)
        {
            command.Parameters.Add(new NpgsqlParameter<DateTime> { ParameterName = "since", TypedValue = since.UtcDateTime });
        }

        if (export.Until is { } until)
        {
            command.Parameters.Add(new NpgsqlParameter<DateTime> { ParameterName = "until", TypedValue = until.UtcDateTime });
        }
    }

    private static string Column(string name) => name switch
    {
        _ when PgSchema.TimeColumns.Contains(name) => $"{Canonical(name)} AS {name}",
        "total_users_notified" or "total_users_bet" or "alert_clicked_count" => $"{name}::bigint AS {name}",
        "raw_data" => "raw_data::text AS raw_data",
        _ => name,
    };

    private static string Canonical(string column) => $"to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS')";

    private static string Range(string column, CallExport export)
    {
        var conditions = new List<string>(2);
        if (export.Since is not null)
        {
            conditions.Add($"{column} >= @since");
        }

        if (export.Until is not null)
        {
            conditions.Add($"{column} < @until");
        }

        return conditions.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", conditions);
    }
}
