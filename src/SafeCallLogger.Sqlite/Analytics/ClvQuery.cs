using Microsoft.Data.Sqlite;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// <see cref="ICallAnalytics.GetClvAsync"/>: each call gives two values, <c>clv_a</c> under side A and <c>clv_b</c>
/// under side B (by bookmaker, each under its own book; otherwise both under the call's key). SQL groups by key and
/// value with a count, in value order, so the median is read from the counts without fetching every value.
/// </summary>
internal static class ClvQuery
{
    public static string Sql(TableNames t, AnalyticsScope scope, CallDimension by) => $"""
        WITH {AnalyticsScope.SidesCte}
        SELECT k, v, COUNT(*) AS n FROM (
            SELECT {scope.KeySql(by)} AS k, CASE s.side WHEN 0 THEN c.clv_a ELSE c.clv_b END AS v
            FROM {t.Calls} AS c JOIN sides AS s
            WHERE {scope.CallConditions()})
        WHERE v IS NOT NULL
        GROUP BY k, v
        """;

    public static IReadOnlyList<ClvRow> Read(SqliteConnection connection, TableNames t, AnalyticsScope scope, CallDimension by, CancellationToken cancellationToken) =>
        AnalyticsRead.InSnapshot(
            connection,
            t,
            transaction =>
            {
                var groups = new Groups<ValueCounts>();
                using var command = scope.Command(transaction, Sql(t, scope, by));
                using var reader = command.ExecuteReader();
                var rows = 0;
                while (reader.Read())
                {
                    AnalyticsRead.Check(cancellationToken, ref rows);
                    groups[scope.Keys.Key(by, reader, 0)].Add(reader.GetDouble(1), reader.GetInt64(2));
                }

                return Rows(scope, by, groups);
            },
            () => Rows(scope, by, new Groups<ValueCounts>()));

    private static IReadOnlyList<ClvRow> Rows(AnalyticsScope scope, CallDimension by, Groups<ValueCounts> groups) =>
        scope.Keys.Order(
            by,
            groups.ByKey.ToDictionary(static p => p.Key, static p => Row(p.Key, p.Value), StringComparer.Ordinal),
            groups.Null is { } none ? Row(null, none) : null,
            static r => r.Values,
            static k => new ClvRow(k, 0, 0, 0, 0));

    /// <summary>The one-pass form: each side's value under the call's key (by bookmaker, under that side's bookmaker).</summary>
    internal sealed class Fold(AnalyticsScope scope, CallDimension by) : ICallFold
    {
        private readonly Groups<ValueCounts> _groups = new();

        public void Add(CallFacts call)
        {
            var bySide = by == CallDimension.Bookmaker;
            if (call.ClvA is { } a)
            {
                _groups[bySide ? call.BookmakerA : call.KeyOf(by)].Add(a, 1);
            }

            if (call.ClvB is { } b)
            {
                _groups[bySide ? call.BookmakerB : call.KeyOf(by)].Add(b, 1);
            }
        }

        public IReadOnlyList<ClvRow> Rows() => ClvQuery.Rows(scope, by, _groups);
    }

    private static ClvRow Row(string? key, ValueCounts values) =>
        new(key, values.Count, values.Mean, values.Median(), values.Count == 0 ? 0 : (double)values.Positive / values.Count);
}
