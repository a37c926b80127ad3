using Microsoft.Data.Sqlite;
using SafeCallLogger.Analytics;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// <see cref="ICallAnalytics.GetUserPreferencesAsync"/>: one <c>GROUP BY</c> user and key over the per-user notified
/// rows of the filter's calls, each looked up in the per-user clicks by its primary key (a user's clicks count once
/// per call); <c>CROSS JOIN</c> keeps the calls the outer loop, so each call seeks its notified rows in their primary key instead of one calls lookup per notified row. The minimum is applied after quarter-hours are folded into hours or weekdays.
/// </summary>
internal static class UserPreferencesQuery
{
    public static string Sql(TableNames t, AnalyticsScope scope, CallDimension by, bool hasClicks) => $"""
        {AnalyticsScope.With(by)}SELECT n.user_id, {scope.KeySql(by)} AS k,
               COUNT(*) AS notified,
               {(hasClicks ? "COUNT(ck.call_id)" : "0")} AS clicked
        FROM {t.Calls} AS c{AnalyticsScope.SidesJoin(by)}
        CROSS JOIN {t.NotifiedUsers} AS n ON n.call_id = c.call_id{(hasClicks ? $"\nLEFT JOIN {t.Clicks} AS ck ON ck.call_id = n.call_id AND ck.user_id = n.user_id" : string.Empty)}
        WHERE {scope.CallConditions()}
        GROUP BY n.user_id, k
        """;

    public static IReadOnlyList<UserPreferenceRow> Read(SqliteConnection connection, TableNames t, AnalyticsScope scope, CallDimension by, int minimumNotified, CancellationToken cancellationToken) =>
        AnalyticsRead.InSnapshot<IReadOnlyList<UserPreferenceRow>>(
            connection,
            t,
            transaction =>
            {
                if (!SqliteSchema.TableExists(connection, t.NotifiedUsersPlain, transaction))
                {
                    return [];
                }

                var hasClicks = SqliteSchema.TableExists(connection, t.ClicksPlain, transaction);
                var groups = new Dictionary<(long User, string? Key), long[]>();
                using var command = scope.Command(transaction, Sql(t, scope, by, hasClicks));
                using var reader = command.ExecuteReader();
                var rows = 0;
                while (reader.Read())
                {
                    AnalyticsRead.Check(cancellationToken, ref rows);
                    var group = (reader.GetInt64(0), scope.Keys.Key(by, reader, 1));
                    if (!groups.TryGetValue(group, out var counts))
                    {
                        groups[group] = counts = new long[2];
                    }

                    counts[0] += reader.GetInt64(2);
                    counts[1] += reader.GetInt64(3);
                }

                return Rows(groups, minimumNotified);
            },
            static () => []);

    private static IReadOnlyList<UserPreferenceRow> Rows(Dictionary<(long User, string? Key), long[]> groups, int minimumNotified)
    {
        var minimum = Math.Max(1, minimumNotified);
        return AnalyticsRules.OrderPreferences(groups
            .Where(p => p.Value[0] >= minimum)
            .Select(static p => new UserPreferenceRow(p.Key.User, p.Key.Key, p.Value[0], p.Value[1])));
    }

    /// <summary>
    /// The one-pass form: each notified row of a call counted under the user and the call's key (by bookmaker, under
    /// each side's). A call's key is numbered once and a row's user once (<see cref="UserNumbers"/>, shared by every
    /// per-user answer of the read), so a row costs two array increments: notified and clicked at 2 × key and 2 × key + 1
    /// of the user's counts.
    /// </summary>
    internal sealed class Fold(CallDimension by, int minimumNotified, UserNumbers users)
    {
        private readonly Dictionary<string, int> _keyNumbers = new(StringComparer.Ordinal);
        private readonly List<string?> _keys = [null];
        private readonly List<long[]?> _counts = [];
        private int _keyA;
        private int _keyB = -1;

        /// <summary>Sets the call whose notified rows come next.</summary>
        public void StartCall(CallFacts call)
        {
            _keyA = Number(call.KeyOf(by));
            _keyB = call.CountsUnderBookmakerB(by) ? Number(call.BookmakerB) : -1;
        }

        /// <summary>Counts that user number <paramref name="user"/> was notified of the current call, and whether the user clicked it.</summary>
        public void Add(int user, bool clicked)
        {
            while (_counts.Count <= user)
            {
                _counts.Add(null);
            }

            Count(user, _keyA, clicked);
            if (_keyB >= 0)
            {
                Count(user, _keyB, clicked);
            }
        }

        public IReadOnlyList<UserPreferenceRow> Rows()
        {
            var groups = new Dictionary<(long User, string? Key), long[]>();
            for (var user = 0; user < _counts.Count; user++)
            {
                if (_counts[user] is not { } counts)
                {
                    continue;
                }

                for (var key = 0; 2 * key < counts.Length; key++)
                {
                    if (counts[2 * key] > 0)
                    {
                        groups[(users.Id(user), _keys[key])] = [counts[2 * key], counts[(2 * key) + 1]];
                    }
                }
            }

            return UserPreferencesQuery.Rows(groups, minimumNotified);
        }

        // 0 is the key of calls without a value.
        private int Number(string? key)
        {
            if (key is null)
            {
                return 0;
            }

            if (!_keyNumbers.TryGetValue(key, out var number))
            {
                _keyNumbers[key] = number = _keys.Count;
                _keys.Add(key);
            }

            return number;
        }

        private void Count(int user, int key, bool clicked)
        {
            var counts = _counts[user];
            if (counts is null || counts.Length <= (2 * key) + 1)
            {
                Array.Resize(ref counts, 2 * Math.Max(_keys.Count, key + 1));
                _counts[user] = counts;
            }

            counts[2 * key]++;
            counts[(2 * key) + 1] += clicked ? 1 : 0;
        }
    }
}
