using Microsoft.Data.Sqlite;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// <see cref="ICallAnalytics.GetRetentionAsync"/>: SQL gives each user's distinct UTC quarter-hours of notification and
/// of first click per call (of the filter's calls), in one statement; they are folded here into the calendar days of
/// the filter's zone, and each user's days are compared with the day of the first click.
/// </summary>
internal static class RetentionQuery
{
    public const int Days = 7;

    public static string Sql(TableNames t, AnalyticsScope scope, bool hasNotified, bool hasClicks)
    {
        var parts = new List<string>(2);
        if (hasNotified)
        {
            parts.Add($"SELECT 0 AS what, n.user_id, {AnalyticsScope.QuarterHourSql("n.notified_at")} AS q FROM {t.NotifiedUsers} AS n WHERE {scope.CallIdConditions(t, "n")} GROUP BY n.user_id, q");
        }

        if (hasClicks)
        {
            parts.Add($"SELECT 1 AS what, k.user_id, {AnalyticsScope.QuarterHourSql("k.first_clicked_at")} AS q FROM {t.Clicks} AS k WHERE {scope.CallIdConditions(t, "k")} GROUP BY k.user_id, q");
        }

        return string.Join("\nUNION ALL\n", parts);
    }

    public static IReadOnlyList<RetentionRow> Read(SqliteConnection connection, TableNames t, AnalyticsScope scope, CancellationToken cancellationToken) =>
        AnalyticsRead.InSnapshot(
            connection,
            t,
            transaction =>
            {
                var hasClicks = SqliteSchema.TableExists(connection, t.ClicksPlain, transaction);
                if (!hasClicks)
                {
                    return Rows([], scope, null);
                }

                var hasNotified = SqliteSchema.TableExists(connection, t.NotifiedUsersPlain, transaction);
                var users = new UserNumbers();
                var fold = new Fold(scope);
                using var command = scope.Command(transaction, Sql(t, scope, hasNotified, hasClicks));
                using var reader = command.ExecuteReader();
                var rows = 0;
                while (reader.Read())
                {
                    AnalyticsRead.Check(cancellationToken, ref rows);
                    if (reader.IsDBNull(2))
                    {
                        continue;
                    }

                    fold.Add(users.Number(reader.GetInt64(1)), reader.GetInt64(2), clicked: reader.GetInt64(0) != 0);
                }

                return fold.Rows();
            },
            () => Rows([], scope, null));

    private static IReadOnlyList<RetentionRow> Rows(IEnumerable<User> users, AnalyticsScope scope, DateOnly? lastDataDay)
    {
        // The last observable day: the range's when it has an end (exclusive, so the day of the instant before it), else the data's.
        var lastDay = scope.Filter.Until is { } until ? scope.Keys.Day(until.AddTicks(-1)) : lastDataDay;
        var cohort = new long[Days + 1];
        var active = new long[Days + 1];
        var engaged = new long[Days + 1];
        foreach (var user in users)
        {
            if (user.Clicked.IsEmpty || lastDay is not { } end)
            {
                continue;
            }

            var first = user.Clicked.Min();
            for (var n = 1; n <= Days; n++)
            {
                var day = first.AddDays(n);
                if (day > end)
                {
                    break;
                }

                cohort[n]++;
                active[n] += user.Notified.Contains(day) ? 1 : 0;
                engaged[n] += user.Clicked.Contains(day) ? 1 : 0;
            }
        }

        return [.. Enumerable.Range(1, Days).Select(n => new RetentionRow(n, cohort[n], active[n], engaged[n]))];
    }

    /// <summary>
    /// Each user's local days of notification and of click, from per-user rows one at a time (the query's distinct
    /// quarter-hours, or every row in the one-pass answers), and the last day seen.
    /// </summary>
    internal sealed class Fold(AnalyticsScope scope)
    {
        private readonly List<User?> _users = [];
        private DateOnly? _lastDay;
        private long _quarterHour = long.MinValue;
        private DateOnly _day;

        /// <summary>Counts a per-user row: user number <paramref name="user"/> (<see cref="UserNumbers"/>) was notified of, or clicked, a call in UTC quarter-hour <paramref name="quarterHour"/>.</summary>
        public void Add(int user, long quarterHour, bool clicked)
        {
            // The rows of one call mostly share their quarter-hour: its day is looked up once.
            if (quarterHour != _quarterHour)
            {
                _quarterHour = quarterHour;
                _day = scope.Keys.Day(quarterHour);
                _lastDay = _lastDay is { } last && last >= _day ? last : _day;
            }

            while (_users.Count <= user)
            {
                _users.Add(null);
            }

            var days = _users[user] ??= new User();
            (clicked ? days.Clicked : days.Notified).Add(_day);
        }

        public IReadOnlyList<RetentionRow> Rows() => RetentionQuery.Rows(_users.OfType<User>(), scope, _lastDay);
    }

    private sealed class User
    {
        public DaySet Notified { get; } = new();

        public DaySet Clicked { get; } = new();
    }
}
