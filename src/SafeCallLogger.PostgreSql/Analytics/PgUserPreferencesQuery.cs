using System.Globalization;
using Npgsql;
using SafeCallLogger.Analytics;

namespace SafeCallLogger.PostgreSql.Internal;

/// <summary>
/// <see cref="ICallAnalytics.GetUserPreferencesAsync"/>: one <c>GROUP BY</c> user and key over the per-user notified
/// rows of the filter's calls, each looked up in the per-user clicks by its primary key (a user's clicks count once
/// per call); the minimum is a <c>HAVING</c>. Ordered by user, most notified first, then by key (code point), the row
/// without a value last among equals.
/// </summary>
internal static class PgUserPreferencesQuery
{
    public static string Sql(PgTableNames t, PgAnalyticsScope scope, CallDimension by, int minimum, bool hasClicks) => $"""
        {PgAnalyticsScope.With(by)}SELECT n.user_id, {scope.KeySql(by)} AS k,
               count(*) AS notified,
               {(hasClicks ? "count(ck.call_id)" : "0::bigint")} AS clicked
        FROM {t.Calls} AS c{PgAnalyticsScope.SidesJoin(by)}
        JOIN {t.NotifiedUsers} AS n ON n.call_id = c.call_id{(hasClicks ? $"\nLEFT JOIN {t.Clicks} AS ck ON ck.call_id = n.call_id AND ck.user_id = n.user_id" : string.Empty)}
        WHERE {scope.CallConditions()}
        GROUP BY n.user_id, k
        HAVING count(*) >= {minimum.ToString(CultureInfo.InvariantCulture)}
        """;

    public static async Task<IReadOnlyList<UserPreferenceRow>> ReadAsync(NpgsqlDataSource dataSource, PgTableNames t, PgAnalyticsScope scope, CallDimension by, int minimumNotified, CancellationToken cancellationToken)
    {
        var minimum = Math.Max(1, minimumNotified);
        var rows = await PgAnalyticsRead.RowsAsync(
            dataSource,
            t,
            scope,
            tables => tables.NotifiedUsers ? Sql(t, scope, by, minimum, tables.Clicks) : null,
            static r => new UserPreferenceRow(r.GetInt64(0), PgAnalyticsRead.Text(r, 1), r.GetInt64(2), r.GetInt64(3)),
            cancellationToken).ConfigureAwait(false);
        return AnalyticsRules.OrderPreferences(rows);
    }
}
