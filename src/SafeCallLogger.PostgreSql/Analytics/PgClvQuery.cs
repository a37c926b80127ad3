using Npgsql;

namespace SafeCallLogger.PostgreSql.Internal;

/// <summary>
/// <see cref="ICallAnalytics.GetClvAsync"/>: each call gives two values, <c>clv_a</c> under side A and <c>clv_b</c>
/// under side B (by bookmaker, each under its own book, both under it when both sides are the same book; otherwise
/// both under the call's key); the median is <c>percentile_cont(0.5)</c>, the mean of the two middle values for an
/// even count.
/// </summary>
internal static class PgClvQuery
{
    public static string Sql(PgTableNames t, PgAnalyticsScope scope, CallDimension by) => $"""
        WITH {PgAnalyticsScope.SidesCte}
        SELECT k,
               count(*) AS n,
               avg(v) AS mean,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY v) AS median,
               count(*) FILTER (WHERE v > 0) AS positive
        FROM (SELECT {scope.KeySql(by)} AS k, CASE s.side WHEN 0 THEN c.clv_a ELSE c.clv_b END AS v
              FROM {t.Calls} AS c CROSS JOIN sides AS s
              WHERE {scope.CallConditions()}) AS x
        WHERE v IS NOT NULL
        GROUP BY k
        """;

    public static async Task<IReadOnlyList<ClvRow>> ReadAsync(NpgsqlDataSource dataSource, PgTableNames t, PgAnalyticsScope scope, CallDimension by, CancellationToken cancellationToken)
    {
        var rows = await PgAnalyticsRead.RowsAsync(
            dataSource,
            t,
            scope,
            _ => Sql(t, scope, by),
            static r => new ClvRow(PgAnalyticsRead.Text(r, 0), r.GetInt64(1), r.GetDouble(2), r.GetDouble(3), (double)r.GetInt64(4) / r.GetInt64(1)),
            cancellationToken).ConfigureAwait(false);
        return PgAnalyticsRead.Order(scope, by, rows, static r => r.Key, static r => r.Values, static k => new ClvRow(k, 0, 0, 0, 0));
    }
}
