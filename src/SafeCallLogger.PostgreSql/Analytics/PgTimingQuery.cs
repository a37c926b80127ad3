using Npgsql;
using SafeCallLogger.Analytics;

namespace SafeCallLogger.PostgreSql.Internal;

/// <summary>
/// <see cref="ICallAnalytics.GetTimingAsync"/>: per call, its lifetime (<c>expires_at − alert_sent_at</c>) and the time
/// to its first click (the earliest <c>first_clicked_at</c> of its per-user click rows, an index seek per call), in
/// whole milliseconds as SQLite keeps them; then per group the count, mean, median (<c>percentile_cont(0.5)</c>) and
/// 90th percentile by nearest rank (<c>percentile_disc(0.9)</c>) of each. Negative durations (a clock put back) are
/// left out; a group with neither duration gives no row.
/// </summary>
internal static class PgTimingQuery
{
    public static string Sql(PgTableNames t, PgAnalyticsScope scope, CallDimension? by, bool hasClicks)
    {
        var firstClick = hasClicks
            ? $"(SELECT min(ck.first_clicked_at) FROM {t.Clicks} AS ck WHERE ck.call_id = c.call_id)"
            : "NULL::timestamptz";
        return $"""
            {PgAnalyticsScope.With(by)}SELECT k,
                   count(lifetime_ms) FILTER (WHERE lifetime_ms >= 0) AS lifetimes,
                   avg(lifetime_ms) FILTER (WHERE lifetime_ms >= 0)::float8 AS lifetime_mean,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY lifetime_ms) FILTER (WHERE lifetime_ms >= 0) AS lifetime_median,
                   percentile_disc(0.9) WITHIN GROUP (ORDER BY lifetime_ms) FILTER (WHERE lifetime_ms >= 0)::float8 AS lifetime_p90,
                   count(first_click_ms) FILTER (WHERE first_click_ms >= 0) AS first_clicks,
                   avg(first_click_ms) FILTER (WHERE first_click_ms >= 0)::float8 AS first_click_mean,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY first_click_ms) FILTER (WHERE first_click_ms >= 0) AS first_click_median,
                   percentile_disc(0.9) WITHIN GROUP (ORDER BY first_click_ms) FILTER (WHERE first_click_ms >= 0)::float8 AS first_click_p90
            FROM (SELECT {scope.KeySql(by)} AS k,
                         round(extract(epoch FROM c.expires_at - c.alert_sent_at) * 1000)::bigint AS lifetime_ms,
                         round(extract(epoch FROM {firstClick} - c.alert_sent_at) * 1000)::bigint AS first_click_ms
                  FROM {t.Calls} AS c{PgAnalyticsScope.SidesJoin(by)}
                  WHERE {scope.CallConditions()}) AS timing
            GROUP BY k
            HAVING count(*) FILTER (WHERE lifetime_ms >= 0 OR first_click_ms >= 0) > 0
            """;
    }

    public static async Task<IReadOnlyList<TimingRow>> ReadAsync(NpgsqlDataSource dataSource, PgTableNames t, PgAnalyticsScope scope, CallDimension? by, CancellationToken cancellationToken)
    {
        var rows = await PgAnalyticsRead.RowsAsync(
            dataSource,
            t,
            scope,
            tables => Sql(t, scope, by, tables.Clicks),
            static r => new TimingRow(PgAnalyticsRead.Text(r, 0), Summary(r, 1), Summary(r, 5)),
            cancellationToken).ConfigureAwait(false);
        if (by is null)
        {
            return [rows.Count > 0 ? rows[0] : new TimingRow(null, Empty, Empty)];
        }

        return PgAnalyticsRead.Order(scope, by, rows, static r => r.Key, static r => Math.Max(r.Lifetime.Count, r.TimeToFirstClick.Count), static k => new TimingRow(k, Empty, Empty));
    }

    private static DurationSummary Empty { get; } = new(0, null, null, null);

    private static DurationSummary Summary(NpgsqlDataReader reader, int at)
    {
        var count = reader.GetInt64(at);
        return count == 0 ? Empty : new DurationSummary(count, Time(reader.GetDouble(at + 1)), Time(reader.GetDouble(at + 2)), Time(reader.GetDouble(at + 3)));
    }

    private static TimeSpan Time(double milliseconds) => AnalyticsRules.Duration(milliseconds);
}
