using Npgsql;

namespace SafeCallLogger.PostgreSql.Internal;

/// <summary>
/// <see cref="ICallAnalytics.GetRetentionAsync"/>, all in SQL: each user's distinct local days (in the filter's zone)
/// of notification and of first click per call, of the filter's calls; each user's first click day; and for day N
/// from 1 to 7, the users whose first day plus N is not after the last observable day (the range's last when it has an
/// end, else the data's), of them those notified and those who clicked that day.
/// </summary>
internal static class PgRetentionQuery
{
    public const int Days = 7;

    public static string Sql(PgTableNames t, PgAnalyticsScope scope, bool hasNotified)
    {
        var notified = hasNotified
            ? $"""
                  SELECT 0 AS what, n.user_id, {scope.Zone.LocalSql("n.notified_at")}::date AS day
                  FROM {t.NotifiedUsers} AS n WHERE {scope.CallIdConditions(t, "n")}
                  UNION

              """
            : string.Empty;
        var lastDay = scope.Filter.Until is null
            ? "(SELECT max(day) FROM days)"
            : $"{scope.Zone.LocalSql("(@until - interval '1 microsecond')")}::date";
        return $"""
            WITH days AS (
            {notified}      SELECT 1 AS what, k.user_id, {scope.Zone.LocalSql("k.first_clicked_at")}::date AS day
                  FROM {t.Clicks} AS k WHERE {scope.CallIdConditions(t, "k")}),
            firsts AS (SELECT user_id, min(day) AS first_day FROM days WHERE what = 1 GROUP BY user_id),
            last_day AS (SELECT {lastDay} AS day)
            SELECT d.n, count(*) AS cohort, count(a.user_id) AS active, count(e.user_id) AS engaged
            FROM generate_series(1, {Days}) AS d(n)
            CROSS JOIN firsts AS f
            CROSS JOIN last_day AS l
            LEFT JOIN days AS a ON a.what = 0 AND a.user_id = f.user_id AND a.day = f.first_day + d.n
            LEFT JOIN days AS e ON e.what = 1 AND e.user_id = f.user_id AND e.day = f.first_day + d.n
            WHERE f.first_day + d.n <= l.day
            GROUP BY d.n
            """;
    }

    public static async Task<IReadOnlyList<RetentionRow>> ReadAsync(NpgsqlDataSource dataSource, PgTableNames t, PgAnalyticsScope scope, CancellationToken cancellationToken)
    {
        var rows = await PgAnalyticsRead.RowsAsync(
            dataSource,
            t,
            scope,
            tables => tables.Clicks ? Sql(t, scope, tables.NotifiedUsers) : null,
            static r => new RetentionRow(r.GetInt32(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3)),
            cancellationToken).ConfigureAwait(false);
        var byDay = rows.ToDictionary(static r => r.Day);
        return [.. Enumerable.Range(1, Days).Select(n => byDay.TryGetValue(n, out var row) ? row : new RetentionRow(n, 0, 0, 0))];
    }
}
