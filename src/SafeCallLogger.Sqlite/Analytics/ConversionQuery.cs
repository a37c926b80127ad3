namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// <see cref="ICallAnalytics.GetConversionAsync"/>: one <c>GROUP BY</c> over the calls by the dimension's raw key
/// (a quarter-hour for an hour or a weekday, folded into local keys here), summing what the rows say.
/// </summary>
internal static class ConversionQuery
{
    public static string Sql(TableNames t, AnalyticsScope scope, CallDimension by) => $"""
        {AnalyticsScope.With(by)}SELECT {scope.KeySql(by)} AS k,
               COUNT(*) AS calls,
               SUM({CallFactsSql.Clicked}) AS calls_with_clicks,
               TOTAL(c.total_users_notified) AS users_notified,
               TOTAL(c.total_users_bet) AS users_bet
        FROM {t.Calls} AS c{AnalyticsScope.SidesJoin(by)}
        WHERE {scope.CallConditions()}
        GROUP BY k
        """;

    public static IReadOnlyList<ConversionRow> Read(Microsoft.Data.Sqlite.SqliteConnection connection, TableNames t, AnalyticsScope scope, CallDimension by, CancellationToken cancellationToken) =>
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
                    acc.Calls += reader.GetInt64(1);
                    acc.Clicked += AnalyticsRead.Long(reader, 2);
                    acc.Notified += (long)reader.GetDouble(3);
                    acc.Bet += (long)reader.GetDouble(4);
                }

                return Rows(scope, by, groups);
            },
            () => Rows(scope, by, new Groups<Acc>()));

    private static IReadOnlyList<ConversionRow> Rows(AnalyticsScope scope, CallDimension by, Groups<Acc> groups) =>
        scope.Keys.Order(
            by,
            groups.ByKey.ToDictionary(static p => p.Key, static p => p.Value.Row(p.Key), StringComparer.Ordinal),
            groups.Null?.Row(null),
            static r => r.Calls,
            static k => new ConversionRow(k, 0, 0, 0, 0));

    /// <summary>The one-pass form: every call counted under its key (by bookmaker, under each side's).</summary>
    internal sealed class Fold(AnalyticsScope scope, CallDimension by) : ICallFold
    {
        private readonly Groups<Acc> _groups = new();

        public void Add(CallFacts call) => _groups.Add(call, by, Count);

        public IReadOnlyList<ConversionRow> Rows() => ConversionQuery.Rows(scope, by, _groups);

        private static void Count(Acc acc, CallFacts call)
        {
            acc.Calls++;
            acc.Clicked += call.Clicked ? 1 : 0;
            acc.Notified += (long)call.UsersNotified;
            acc.Bet += (long)call.UsersBet;
        }
    }

    private sealed class Acc
    {
        public long Calls;
        public long Clicked;
        public long Notified;
        public long Bet;

        public ConversionRow Row(string? key) => new(key, Calls, Clicked, Notified, Bet);
    }
}
