using Npgsql;

namespace SafeCallLogger.PostgreSql.Internal;

/// <summary><see cref="ICallAnalytics.GetResultsAsync"/>: one <c>GROUP BY</c> over the settled calls (an outcome other than <c>unknown</c> and a profit).</summary>
internal static class PgResultsQuery
{
    public static string Sql(PgTableNames t, PgAnalyticsScope scope, CallDimension by) => $"""
        {PgAnalyticsScope.With(by)}SELECT {scope.KeySql(by)} AS k,
               count(*) AS settled,
               count(*) FILTER (WHERE c.actual_profit > 0) AS won,
               count(*) FILTER (WHERE c.actual_profit < 0) AS lost,
               sum(c.actual_profit) AS profit,
               COALESCE(sum(c.total_stake), 0) AS staked,
               avg(c.actual_profit / c.total_stake * 100) FILTER (WHERE c.total_stake > 0) AS mean_roi,
               avg(c.roi_percent) AS expected_roi
        FROM {t.Calls} AS c{PgAnalyticsScope.SidesJoin(by)}
        WHERE {scope.CallConditions()}
          AND c.actual_outcome <> 'unknown' AND c.actual_profit IS NOT NULL
        GROUP BY k
        """;

    public static async Task<IReadOnlyList<ResultsRow>> ReadAsync(NpgsqlDataSource dataSource, PgTableNames t, PgAnalyticsScope scope, CallDimension by, CancellationToken cancellationToken)
    {
        var rows = await PgAnalyticsRead.RowsAsync(
            dataSource,
            t,
            scope,
            _ => Sql(t, scope, by),
            static r => new ResultsRow(
                PgAnalyticsRead.Text(r, 0),
                r.GetInt64(1),
                r.GetInt64(2),
                r.GetInt64(3),
                r.GetDouble(4),
                r.GetDouble(5),
                PgAnalyticsRead.NullableDouble(r, 6),
                PgAnalyticsRead.NullableDouble(r, 7)),
            cancellationToken).ConfigureAwait(false);
        return PgAnalyticsRead.Order(scope, by, rows, static r => r.Key, static r => r.Settled, static k => new ResultsRow(k, 0, 0, 0, 0, 0, null, null));
    }
}
