using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// The <c>/ml_stats</c> numbers without scanning the calls: the running totals per call type and per sport that the
/// schema's triggers keep, and one index seek for the newest call. A version 1 file not upgraded yet (the store
/// never changes the schema for stats) falls back to aggregating the table itself.
/// </summary>
internal static class StatsQuery
{
    public static CallStoreTotals Read(SqliteConnection connection, TableNames t, DateTimeOffset now)
    {
        var byType = new Dictionary<string, long>(StringComparer.Ordinal);
        var sports = new List<string>();
        long total = 0, withClicks = 0, notified = 0, bet = 0, resultsKnown = 0;
        double profit = 0;
        DateTimeOffset? lastCall = null;

        if (SqliteSchema.TableExists(connection, t.Plain))
        {
            var totals = SqliteSchema.TableExists(connection, t.StatsByTypePlain);
            using (var command = connection.CreateCommand())
            {
                command.CommandText = totals
                    ? $"SELECT call_type, calls, calls_with_clicks, users_notified, users_bet, results_known, profit FROM {t.StatsByType} WHERE calls > 0"
                    : $"""
                      SELECT call_type, COUNT(*), SUM(COALESCE(alert_clicked_count, 0) > 0), TOTAL(total_users_notified), TOTAL(total_users_bet),
                             SUM(actual_outcome IS NOT NULL AND actual_outcome <> 'unknown'), TOTAL(actual_profit)
                      FROM {t.Calls} GROUP BY call_type
                      """;
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    var count = reader.GetInt64(1);
                    byType[reader.IsDBNull(0) ? string.Empty : reader.GetString(0)] = count;
                    total += count;
                    withClicks += Long(reader, 2);
                    notified += Long(reader, 3);
                    bet += Long(reader, 4);
                    resultsKnown += Long(reader, 5);
                    profit += reader.GetDouble(6);
                }
            }

            using (var command = connection.CreateCommand())
            {
                command.CommandText = totals
                    ? $"SELECT sport FROM {t.StatsBySport} WHERE calls > 0 ORDER BY calls DESC, sport"
                    : $"SELECT sport FROM {t.Calls} WHERE sport IS NOT NULL GROUP BY sport ORDER BY COUNT(*) DESC, sport";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    sports.Add(reader.GetString(0));
                }
            }

            lastCall = LastCallAt(connection, t);
        }

        return new CallStoreTotals
        {
            ReadAt = now,
            TotalCalls = total,
            CallsByType = byType,
            SportsCovered = sports,
            CallsWithClicks = withClicks,
            TotalUsersNotified = notified,
            TotalUsersBet = bet,
            ResultsKnown = resultsKnown,
            TotalProfit = profit,
            LastCallAt = lastCall,
        };
    }

    /// <summary>
    /// The newest <c>alert_sent_at</c> by time, whoever wrote it and in whatever form, in a few index seeks rather
    /// than a scan: <c>MAX(alert_sent_at)</c> compares text, so a same-day <c>T…Z</c> row would win over a later
    /// canonical or shell row, and numbers sort before all text.
    /// </summary>
    internal static DateTimeOffset? LastCallAt(SqliteConnection connection, TableNames t)
    {
        // Text that starts with a digit: the newest date by text is the newest by time give or take a day (the 'T'
        // or space after the date, an offset of at most 14 hours), so the exact answer lies in that day and the
        // one before, which the index reads in a short range.
        var newestText = Scalar(connection, $"SELECT alert_sent_at FROM {t.Calls} WHERE alert_sent_at >= '0' AND alert_sent_at < ':' ORDER BY alert_sent_at DESC LIMIT 1");
        var jd = SqliteText.JulianDaySql("alert_sent_at");
        var candidates = new List<object?>(4);
        if (newestText is string text)
        {
            candidates.Add(Scalar(
                connection,
                $"""
                SELECT alert_sent_at FROM {t.Calls}
                WHERE alert_sent_at >= date(substr($newest, 1, 10), '-1 day') AND alert_sent_at < ':' AND {jd} IS NOT NULL
                ORDER BY {jd} DESC LIMIT 1
                """,
                text)
                ?? Scalar(connection, $"SELECT alert_sent_at FROM {t.Calls} WHERE alert_sent_at >= '' AND {jd} IS NOT NULL ORDER BY {jd} DESC LIMIT 1"));
        }

        // Numbers, newest of each reading (Julian day, Unix seconds, Unix milliseconds): one index seek each.
        candidates.Add(Scalar(connection, $"SELECT MAX(alert_sent_at) FROM {t.Calls} WHERE alert_sent_at BETWEEN 0 AND 5373484.5"));
        candidates.Add(Scalar(connection, $"SELECT MAX(alert_sent_at) FROM {t.Calls} WHERE alert_sent_at > 5373484.5 AND alert_sent_at < 100000000000"));
        candidates.Add(Scalar(connection, $"SELECT MAX(alert_sent_at) FROM {t.Calls} WHERE alert_sent_at >= 100000000000 AND alert_sent_at < ''"));

        DateTimeOffset? newest = null;
        foreach (var candidate in candidates)
        {
            if (SqliteText.TryParseTimestamp(candidate, out var at) && (newest is null || at > newest))
            {
                newest = at;
            }
        }

        return newest;
    }

    private static object? Scalar(SqliteConnection connection, string sql, string? newest = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (newest is not null)
        {
            command.Parameters.AddWithValue("$newest", newest);
        }

        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    private static long Long(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? 0 : reader.GetInt64(ordinal);
}
