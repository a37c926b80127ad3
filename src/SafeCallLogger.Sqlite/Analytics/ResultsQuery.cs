using Microsoft.Data.Sqlite;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// <see cref="ICallAnalytics.GetResultsAsync"/>: one <c>GROUP BY</c> over the settled calls (an outcome other than
/// <c>unknown</c> and a profit). The means come back as sums and counts, so quarter-hours fold into hours exactly.
/// </summary>
internal static class ResultsQuery
{
    public static string Sql(TableNames t, AnalyticsScope scope, CallDimension by) => $"""
        {AnalyticsScope.With(by)}SELECT {scope.KeySql(by)} AS k,
               COUNT(*) AS settled,
               SUM(c.actual_profit > 0) AS won,
               SUM(c.actual_profit < 0) AS lost,
               TOTAL(c.actual_profit) AS profit,
               TOTAL(c.total_stake) AS staked,
               TOTAL({CallFactsSql.RoiOfStake}) AS roi_sum,
               SUM(c.total_stake > 0) AS roi_count,
               TOTAL(c.roi_percent) AS expected_sum,
               COUNT(c.roi_percent) AS expected_count
        FROM {t.Calls} AS c{AnalyticsScope.SidesJoin(by)}
        WHERE {scope.CallConditions()}
          AND {CallFactsSql.Settled}
        GROUP BY k
        """;

    public static IReadOnlyList<ResultsRow> Read(SqliteConnection connection, TableNames t, AnalyticsScope scope, CallDimension by, CancellationToken cancellationToken) =>
        AnalyticsRead.InSnapshot(
            connection,
            t,
            transaction =>
            {
                var groups = new Groups<Acc>();
                using var command = scope.Command(transaction, Sql(t, scope, by));
                using var reader = command.ExecuteReader();
                var rows = 0;
                while (reader.Read())
                {
                    AnalyticsRead.Check(cancellationToken, ref rows);
                    var acc = groups[scope.Keys.Key(by, reader, 0)];
                    acc.Settled += reader.GetInt64(1);
                    acc.Won += AnalyticsRead.Long(reader, 2);
                    acc.Lost += AnalyticsRead.Long(reader, 3);
                    acc.Profit += reader.GetDouble(4);
                    acc.Staked += reader.GetDouble(5);
                    acc.RoiSum += reader.GetDouble(6);
                    acc.RoiCount += AnalyticsRead.Long(reader, 7);
                    acc.ExpectedSum += reader.GetDouble(8);
                    acc.ExpectedCount += reader.GetInt64(9);
                }

                return Rows(scope, by, groups);
            },
            () => Rows(scope, by, new Groups<Acc>()));

    private static IReadOnlyList<ResultsRow> Rows(AnalyticsScope scope, CallDimension by, Groups<Acc> groups) =>
        scope.Keys.Order(
            by,
            groups.ByKey.ToDictionary(static p => p.Key, static p => p.Value.Row(p.Key), StringComparer.Ordinal),
            groups.Null?.Row(null),
            static r => r.Settled,
            static k => new ResultsRow(k, 0, 0, 0, 0, 0, null, null));

    /// <summary>The one-pass form: every settled call counted under its key (by bookmaker, under each side's).</summary>
    internal sealed class Fold(AnalyticsScope scope, CallDimension by) : ICallFold
    {
        private readonly Groups<Acc> _groups = new();

        public void Add(CallFacts call)
        {
            if (call.Settled)
            {
                _groups.Add(call, by, Count);
            }
        }

        public IReadOnlyList<ResultsRow> Rows() => ResultsQuery.Rows(scope, by, _groups);

        private static void Count(Acc acc, CallFacts call)
        {
            var profit = call.Profit!.Value;
            acc.Settled++;
            acc.Won += profit > 0 ? 1 : 0;
            acc.Lost += profit < 0 ? 1 : 0;
            acc.Profit += profit;
            acc.Staked += call.Stake ?? 0;
            acc.RoiSum += call.RoiOfStake ?? 0;
            acc.RoiCount += call.Stake > 0 ? 1 : 0;
            acc.ExpectedSum += call.RoiPercent ?? 0;
            acc.ExpectedCount += call.RoiPercent is null ? 0 : 1;
        }
    }

    private sealed class Acc
    {
        public long Settled;
        public long Won;
        public long Lost;
        public double Profit;
        public double Staked;
        public double RoiSum;
        public long RoiCount;
        public double ExpectedSum;
        public long ExpectedCount;

        public ResultsRow Row(string? key) => new(
            key,
            Settled,
            Won,
            Lost,
            Profit,
            Staked,
            RoiCount == 0 ? null : RoiSum / RoiCount,
            ExpectedCount == 0 ? null : ExpectedSum / ExpectedCount);
    }
}
