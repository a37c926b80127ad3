using Npgsql;

namespace SafeCallLogger.PostgreSql.Internal;

/// <summary><see cref="ICallAnalytics.GetDailyActivityAsync"/>: one <c>GROUP BY</c> over the calls by the local day of <c>alert_sent_at</c> in the filter's zone.</summary>
internal static class PgDailyActivityQuery
{
    public static string Sql(PgTableNames t, PgAnalyticsScope scope) => $"""
        SELECT {scope.Zone.LocalSql("c.alert_sent_at")}::date AS day,
               count(*) AS calls,
               COALESCE(sum(c.alert_clicked_count), 0)::bigint AS clicks,
               COALESCE(sum(c.total_users_notified), 0)::bigint AS users_notified,
               COALESCE(sum(c.total_users_bet), 0)::bigint AS users_bet,
               count(*) FILTER (WHERE c.actual_outcome <> 'unknown') AS results_known,
               COALESCE(sum(c.actual_profit) FILTER (WHERE c.actual_outcome <> 'unknown'), 0) AS profit
        FROM {t.Calls} AS c
        WHERE {scope.CallConditions()} AND c.alert_sent_at IS NOT NULL
        GROUP BY day
        ORDER BY day
        """;

    public static async Task<IReadOnlyList<DailyActivityRow>> ReadAsync(NpgsqlDataSource dataSource, PgTableNames t, PgAnalyticsScope scope, CancellationToken cancellationToken) =>
        await PgAnalyticsRead.RowsAsync(
            dataSource,
            t,
            scope,
            _ => Sql(t, scope),
            static r => new DailyActivityRow(r.GetFieldValue<DateOnly>(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetDouble(6)),
            cancellationToken).ConfigureAwait(false);
}
