using Npgsql;

namespace SafeCallLogger.PostgreSql.Internal;

/// <summary><see cref="ICallAnalytics.GetConversionAsync"/>: one <c>GROUP BY</c> over the calls by the dimension's key.</summary>
internal static class PgConversionQuery
{
    public static string Sql(PgTableNames t, PgAnalyticsScope scope, CallDimension by) => $"""
        {PgAnalyticsScope.With(by)}SELECT {scope.KeySql(by)} AS k,
               count(*) AS calls,
               count(*) FILTER (WHERE COALESCE(c.alert_clicked_count, 0) > 0) AS calls_with_clicks,
               COALESCE(sum(c.total_users_notified), 0)::bigint AS users_notified,
               COALESCE(sum(c.total_users_bet), 0)::bigint AS users_bet
        FROM {t.Calls} AS c{PgAnalyticsScope.SidesJoin(by)}
        WHERE {scope.CallConditions()}
        GROUP BY k
        """;

    public static async Task<IReadOnlyList<ConversionRow>> ReadAsync(NpgsqlDataSource dataSource, PgTableNames t, PgAnalyticsScope scope, CallDimension by, CancellationToken cancellationToken)
    {
        var rows = await PgAnalyticsRead.RowsAsync(
            dataSource,
            t,
            scope,
            _ => Sql(t, scope, by),
            static r => new ConversionRow(PgAnalyticsRead.Text(r, 0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4)),
            cancellationToken).ConfigureAwait(false);
        return PgAnalyticsRead.Order(scope, by, rows, static r => r.Key, static r => r.Calls, static k => new ConversionRow(k, 0, 0, 0, 0));
    }
}
