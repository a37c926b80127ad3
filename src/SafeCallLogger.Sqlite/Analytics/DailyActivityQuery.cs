using Microsoft.Data.Sqlite;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// <see cref="ICallAnalytics.GetDailyActivityAsync"/>: one <c>GROUP BY</c> over the calls by UTC quarter-hour, folded
/// into the days of the filter's zone here (SQLite has no time zones; see <see cref="AnalyticsScope"/>).
/// </summary>
internal static class DailyActivityQuery
{
    public static string Sql(TableNames t, AnalyticsScope scope) => $"""
        SELECT {AnalyticsScope.QuarterHourSql("c.alert_sent_at")} AS quarter_hour,
               COUNT(*) AS calls,
               TOTAL(c.alert_clicked_count) AS clicks,
               TOTAL(c.total_users_notified) AS users_notified,
               TOTAL(c.total_users_bet) AS users_bet,
               SUM({CallFactsSql.ResultKnown}) AS results_known,
               TOTAL(CASE WHEN {CallFactsSql.ResultKnown} THEN c.actual_profit END) AS profit
        FROM {t.Calls} AS c
        WHERE {scope.CallConditions()}
        GROUP BY quarter_hour
        HAVING quarter_hour IS NOT NULL
        """;

    public static IReadOnlyList<DailyActivityRow> Read(SqliteConnection connection, TableNames t, AnalyticsScope scope, CancellationToken cancellationToken) =>
        AnalyticsRead.InSnapshot<IReadOnlyList<DailyActivityRow>>(
            connection,
            t,
            transaction =>
            {
                var days = new SortedDictionary<DateOnly, Acc>();
                using var command = scope.Command(transaction, Sql(t, scope));
                using var reader = command.ExecuteReader();
                var rows = 0;
                while (reader.Read())
                {
                    AnalyticsRead.Check(cancellationToken, ref rows);
                    var day = scope.Keys.Day(reader.GetInt64(0));
                    if (!days.TryGetValue(day, out var acc))
                    {
                        days[day] = acc = new Acc();
                    }

                    acc.Calls += reader.GetInt64(1);
                    acc.Clicks += (long)reader.GetDouble(2);
                    acc.Notified += (long)reader.GetDouble(3);
                    acc.Bet += (long)reader.GetDouble(4);
                    acc.Known += AnalyticsRead.Long(reader, 5);
                    acc.Profit += reader.GetDouble(6);
                }

                return Rows(days);
            },
            static () => []);

    private static IReadOnlyList<DailyActivityRow> Rows(SortedDictionary<DateOnly, Acc> days) =>
        [.. days.Select(static p => new DailyActivityRow(p.Key, p.Value.Calls, p.Value.Clicks, p.Value.Notified, p.Value.Bet, p.Value.Known, p.Value.Profit))];

    /// <summary>The one-pass form: every call with a readable send time counted under its local day.</summary>
    internal sealed class Fold(AnalyticsScope scope) : ICallFold
    {
        private readonly SortedDictionary<DateOnly, Acc> _days = [];

        public void Add(CallFacts call)
        {
            if (call.QuarterHour is not { } quarterHour)
            {
                return;
            }

            var day = scope.Keys.Day(quarterHour);
            if (!_days.TryGetValue(day, out var acc))
            {
                _days[day] = acc = new Acc();
            }

            acc.Calls++;
            acc.Clicks += (long)call.ClickCount;
            acc.Notified += (long)call.UsersNotified;
            acc.Bet += (long)call.UsersBet;
            acc.Known += call.ResultKnown ? 1 : 0;
            acc.Profit += call.ResultKnown ? call.Profit ?? 0 : 0;
        }

        public IReadOnlyList<DailyActivityRow> Rows() => DailyActivityQuery.Rows(_days);
    }

    private sealed class Acc
    {
        public long Calls;
        public long Clicks;
        public long Notified;
        public long Bet;
        public long Known;
        public double Profit;
    }
}
