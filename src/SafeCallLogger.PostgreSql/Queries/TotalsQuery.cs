using Npgsql;

namespace SafeCallLogger.PostgreSql.Internal;

/// <summary>
/// The <c>/ml_stats</c> numbers without scanning the calls: the sums of the stats deltas per call type and per sport
/// (appended by the schema's statement triggers, folded daily by retention, so a few hundred rows at most), and one
/// index seek for the newest call. A table made by others and not migrated yet is aggregated directly.
/// </summary>
internal static class TotalsQuery
{
    public static async Task<CallStoreTotals> ReadAsync(NpgsqlConnection connection, PgTableNames t, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(connection, t.Calls, cancellationToken).ConfigureAwait(false))
        {
            return new CallStoreTotals { ReadAt = now };
        }

        var deltas = await ExistsAsync(connection, t.Stats, cancellationToken).ConfigureAwait(false);
        var byType = new Dictionary<string, long>(StringComparer.Ordinal);
        var sports = new List<string>();
        long total = 0, withClicks = 0, notified = 0, bet = 0, resultsKnown = 0;
        double profit = 0;
        var sql = deltas
            ? $"""
              SELECT bucket, key, sum(calls)::bigint, sum(calls_with_clicks)::bigint, sum(users_notified)::bigint, sum(users_bet)::bigint, sum(results_known)::bigint, sum(profit)
              FROM {t.Stats} GROUP BY bucket, key HAVING sum(calls) > 0 ORDER BY bucket, sum(calls) DESC, key
              """
            : $"""
              SELECT 't', COALESCE(call_type, ''), count(*), count(*) FILTER (WHERE COALESCE(alert_clicked_count, 0) > 0), COALESCE(sum(total_users_notified), 0)::bigint,
                     COALESCE(sum(total_users_bet), 0)::bigint, count(*) FILTER (WHERE actual_outcome IS NOT NULL AND actual_outcome <> 'unknown'), COALESCE(sum(actual_profit), 0)
              FROM {t.Calls} GROUP BY 2
              UNION ALL
              SELECT 's', sport, count(*), 0, 0, 0, 0, 0 FROM {t.Calls} WHERE sport IS NOT NULL GROUP BY sport
              ORDER BY 1, 3 DESC, 2
              """;
        using (var command = new NpgsqlCommand(sql, connection))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (reader.GetString(0) == "s")
                    {
                        sports.Add(reader.GetString(1));
                        continue;
                    }

                    var count = reader.GetInt64(2);
                    byType[reader.GetString(1)] = count;
                    total += count;
                    withClicks += reader.GetInt64(3);
                    notified += reader.GetInt64(4);
                    bet += reader.GetInt64(5);
                    resultsKnown += reader.GetInt64(6);
                    profit += reader.GetDouble(7);
                }
            }
        }

        DateTimeOffset? lastCall = null;
        using (var command = new NpgsqlCommand($"SELECT max(alert_sent_at) FROM {t.Calls}", connection))
        {
            if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is DateTime last)
            {
                lastCall = new DateTimeOffset(DateTime.SpecifyKind(last, DateTimeKind.Utc));
            }
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

    public static async Task<bool> ExistsAsync(NpgsqlConnection connection, string qualified, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand("SELECT to_regclass($1) IS NOT NULL", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = qualified });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true;
    }
}
