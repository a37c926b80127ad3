using Microsoft.Data.Sqlite;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// <see cref="ICallAnalytics.GetLineMovementAsync"/>: one <c>GROUP BY</c> over each call's bookmakers (once per call
/// when both sides are the same book), counting the recorded speeds. Bookmakers with no recorded speed are left out.
/// </summary>
internal static class LineMovementQuery
{
    public static string Sql(TableNames t, AnalyticsScope scope) => $"""
        {AnalyticsScope.With(CallDimension.Bookmaker)}SELECT {scope.KeySql(CallDimension.Bookmaker)} AS bookmaker,
               SUM(c.line_movement_speed = 'fast') AS fast,
               SUM(c.line_movement_speed = 'normal') AS normal,
               SUM(c.line_movement_speed = 'slow') AS slow
        FROM {t.Calls} AS c{AnalyticsScope.SidesJoin(CallDimension.Bookmaker)}
        WHERE {scope.CallConditions()} AND c.line_movement_speed IN ('fast', 'normal', 'slow')
        GROUP BY bookmaker
        HAVING bookmaker IS NOT NULL
        ORDER BY fast + normal + slow DESC, bookmaker
        """;

    public static IReadOnlyList<LineMovementRow> Read(SqliteConnection connection, TableNames t, AnalyticsScope scope, CancellationToken cancellationToken) =>
        AnalyticsRead.InSnapshot<IReadOnlyList<LineMovementRow>>(
            connection,
            t,
            transaction =>
            {
                var result = new List<LineMovementRow>();
                using var command = scope.Command(transaction, Sql(t, scope));
                using var reader = command.ExecuteReader();
                var rows = 0;
                while (reader.Read())
                {
                    AnalyticsRead.Check(cancellationToken, ref rows);
                    result.Add(new LineMovementRow(reader.GetString(0), AnalyticsRead.Long(reader, 1), AnalyticsRead.Long(reader, 2), AnalyticsRead.Long(reader, 3)));
                }

                return result;
            },
            static () => []);

    /// <summary>The one-pass form: each recorded speed under side A's bookmaker and side B's when it is another; ordered as the SQL orders.</summary>
    internal sealed class Fold : ICallFold
    {
        private readonly Dictionary<string, long[]> _books = new(StringComparer.Ordinal);

        public void Add(CallFacts call)
        {
            if (call.Speed == 0)
            {
                return;
            }

            Count(call.BookmakerA, call.Speed);
            if (call.CountsUnderBookmakerB(CallDimension.Bookmaker))
            {
                Count(call.BookmakerB, call.Speed);
            }
        }

        public IReadOnlyList<LineMovementRow> Rows() =>
        [
            .. _books.Select(static p => new LineMovementRow(p.Key, p.Value[1], p.Value[2], p.Value[3]))
                .OrderByDescending(static r => r.Recorded).ThenBy(static r => r.Bookmaker, Utf8Order.Comparer),
        ];

        private void Count(string? bookmaker, int speed)
        {
            if (bookmaker is null)
            {
                return;
            }

            if (!_books.TryGetValue(bookmaker, out var counts))
            {
                _books[bookmaker] = counts = new long[4];
            }

            counts[speed]++;
        }
    }
}
