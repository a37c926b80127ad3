using Npgsql;

namespace SafeCallLogger.PostgreSql.Internal;

/// <summary>
/// <see cref="ICallAnalytics.GetLineMovementAsync"/>: one <c>GROUP BY</c> over each call's bookmakers (once per call
/// when both sides are the same book), counting the recorded speeds; most recorded first, then by name (code point).
/// </summary>
internal static class PgLineMovementQuery
{
    public static string Sql(PgTableNames t, PgAnalyticsScope scope) => $"""
        {PgAnalyticsScope.With(CallDimension.Bookmaker)}SELECT {scope.KeySql(CallDimension.Bookmaker)} AS bookmaker,
               count(*) FILTER (WHERE c.line_movement_speed = 'fast') AS fast,
               count(*) FILTER (WHERE c.line_movement_speed = 'normal') AS normal,
               count(*) FILTER (WHERE c.line_movement_speed = 'slow') AS slow
        FROM {t.Calls} AS c{PgAnalyticsScope.SidesJoin(CallDimension.Bookmaker)}
        WHERE {scope.CallConditions()} AND c.line_movement_speed IN ('fast', 'normal', 'slow')
        GROUP BY bookmaker
        HAVING {scope.KeySql(CallDimension.Bookmaker)} IS NOT NULL
        ORDER BY count(*) DESC, {scope.KeySql(CallDimension.Bookmaker)} COLLATE "C"
        """;

    public static async Task<IReadOnlyList<LineMovementRow>> ReadAsync(NpgsqlDataSource dataSource, PgTableNames t, PgAnalyticsScope scope, CancellationToken cancellationToken) =>
        await PgAnalyticsRead.RowsAsync(
            dataSource,
            t,
            scope,
            _ => Sql(t, scope),
            static r => new LineMovementRow(r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3)),
            cancellationToken).ConfigureAwait(false);
}
