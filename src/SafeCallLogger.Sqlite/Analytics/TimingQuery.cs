using Microsoft.Data.Sqlite;
using SafeCallLogger.Analytics;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// <see cref="ICallAnalytics.GetTimingAsync"/>: per call, its lifetime (<c>expires_at − alert_sent_at</c>) and the time
/// to its first click (the earliest <c>first_clicked_at</c> of its per-user click rows, one index seek per call), in
/// milliseconds by time whatever form the writers used. One statement: the calls are read once (the CTE is
/// materialized because both halves use it), and each half groups by key and duration with a count, so the median
/// and the 90th percentile are read from the counts. Negative durations (a clock put back) are left out.
/// </summary>
internal static class TimingQuery
{
    public static string Sql(TableNames t, AnalyticsScope scope, CallDimension? by, bool hasClicks)
    {
        var sent = SqliteText.JulianDaySql("c.alert_sent_at");
        var firstClick = hasClicks
            ? $"(SELECT MIN({SqliteText.JulianDaySql("k.first_clicked_at")}) FROM {t.Clicks} AS k WHERE k.call_id = c.call_id)"
            : "NULL";
        var with = AnalyticsScope.UsesSides(by) ? AnalyticsScope.SidesCte + ",\n" : string.Empty;
        return $"""
            WITH {with}timing AS MATERIALIZED (
                SELECT {scope.KeySql(by)} AS k,
                       {CallFactsSql.LifetimeMs} AS lifetime_ms,
                       {CallFactsSql.Milliseconds(firstClick, sent)} AS first_click_ms
                FROM {t.Calls} AS c{AnalyticsScope.SidesJoin(by)}
                WHERE {scope.CallConditions()})
            SELECT 0 AS what, k, lifetime_ms AS ms, COUNT(*) AS n FROM timing WHERE lifetime_ms >= 0 GROUP BY k, lifetime_ms
            UNION ALL
            SELECT 1, k, first_click_ms, COUNT(*) FROM timing WHERE first_click_ms >= 0 GROUP BY k, first_click_ms
            """;
    }

    public static IReadOnlyList<TimingRow> Read(SqliteConnection connection, TableNames t, AnalyticsScope scope, CallDimension? by, CancellationToken cancellationToken) =>
        AnalyticsRead.InSnapshot(
            connection,
            t,
            transaction =>
            {
                var groups = new Groups<Acc>();
                var hasClicks = SqliteSchema.TableExists(connection, t.Clicks.Trim('"'), transaction);
                using var command = scope.Command(transaction, Sql(t, scope, by, hasClicks));
                using var reader = command.ExecuteReader();
                var rows = 0;
                while (reader.Read())
                {
                    AnalyticsRead.Check(cancellationToken, ref rows);
                    var acc = groups[scope.Keys.Key(by, reader, 1)];
                    (reader.GetInt64(0) == 0 ? acc.Lifetime : acc.FirstClick).Add(reader.GetInt64(2), reader.GetInt64(3));
                }

                return Rows(scope, by, groups);
            },
            () => Rows(scope, by, new Groups<Acc>()));

    private static IReadOnlyList<TimingRow> Rows(AnalyticsScope scope, CallDimension? by, Groups<Acc> groups)
    {
        if (by is null)
        {
            return [(groups.Null ?? new Acc()).Row(null)];
        }

        return scope.Keys.Order(
            by,
            groups.ByKey.ToDictionary(static p => p.Key, static p => p.Value.Row(p.Key), StringComparer.Ordinal),
            groups.Null?.Row(null),
            static r => Math.Max(r.Lifetime.Count, r.TimeToFirstClick.Count),
            static k => new Acc().Row(k));
    }

    private static DurationSummary Summary(ValueCounts ms) => ms.Count == 0
        ? new DurationSummary(0, null, null, null)
        : new DurationSummary(ms.Count, Time(ms.Mean), Time(ms.Median()), Time(ms.Percentile(90)));

    private static TimeSpan Time(double milliseconds) => AnalyticsRules.Duration(milliseconds);

    /// <summary>The one-pass form: each call's lifetime and time to first click under its key (by bookmaker, under each side's).</summary>
    internal sealed class Fold(AnalyticsScope scope, CallDimension? by) : ICallFold
    {
        private readonly Groups<Acc> _groups = new();

        public void Add(CallFacts call) => _groups.Add(call, by, Count);

        public IReadOnlyList<TimingRow> Rows() => TimingQuery.Rows(scope, by, _groups);

        private static void Count(Acc acc, CallFacts call)
        {
            if (call.LifetimeMs is >= 0 and var lifetime)
            {
                acc.Lifetime.Add(lifetime, 1);
            }

            if (call.FirstClickMs is >= 0 and var firstClick)
            {
                acc.FirstClick.Add(firstClick, 1);
            }
        }
    }

    private sealed class Acc
    {
        public ValueCounts Lifetime { get; } = new();

        public ValueCounts FirstClick { get; } = new();

        public TimingRow Row(string? key) => new(key, Summary(Lifetime), Summary(FirstClick));
    }
}
