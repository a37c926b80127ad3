using Npgsql;

namespace SafeCallLogger.PostgreSql.Internal;

/// <summary>
/// Deletes calls older than <see cref="CallStoreOptions.RetentionDays"/> with their per-user rows, a batch of
/// <see cref="CallStoreOptions.RetentionBatchSize"/> calls per transaction (row locks held briefly, so writers of a
/// fleet are not held up), prunes expired pending rows and applied ids, and folds the stats deltas. At 100 million
/// calls, drop monthly partitions instead (docs/POSTGRESQL.md).
/// </summary>
internal static class PgRetention
{
    /// <summary>Runs retention; returns how many calls were deleted. Throws on failure; what was committed stays.</summary>
    public static async Task<int> RunAsync(NpgsqlConnection connection, PgTableNames t, PostgreSqlSinkOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var deleted = 0;
        if (options.RetentionDays > 0)
        {
            var cutoff = now.AddDays(-options.RetentionDays).UtcDateTime;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var removed = await ExecuteAsync(connection, $"""
                    WITH doomed AS (SELECT call_id FROM {t.Calls} WHERE alert_sent_at < $1 ORDER BY alert_sent_at LIMIT $2 FOR UPDATE SKIP LOCKED),
                    n AS (DELETE FROM {t.NotifiedUsers} WHERE call_id IN (SELECT call_id FROM doomed)),
                    k AS (DELETE FROM {t.Clicks} WHERE call_id IN (SELECT call_id FROM doomed))
                    DELETE FROM {t.Calls} WHERE call_id IN (SELECT call_id FROM doomed)
                    """, cutoff, options.RetentionBatchSize, cancellationToken).ConfigureAwait(false);
                deleted += removed;
                if (removed < options.RetentionBatchSize)
                {
                    break;
                }
            }
        }

        await ExecuteAsync(connection, $"DELETE FROM {t.PendingOps} WHERE received_at < $1", (now - options.PendingOperationTtl).UtcDateTime, null, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"DELETE FROM {t.AppliedOps} WHERE applied_at < $1", (now - options.AppliedOperationTtl).UtcDateTime, null, cancellationToken).ConfigureAwait(false);
        using (var compact = new NpgsqlCommand(PgSchema.CompactStats(t), connection))
        {
            await compact.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return deleted;
    }

    /// <summary>Deletes the given calls and their per-user rows in one transaction (the self-test's cleanup).</summary>
    public static async Task DeleteCallAsync(NpgsqlConnection connection, PgTableNames t, string callId, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(
            $"""
            WITH n AS (DELETE FROM {t.NotifiedUsers} WHERE call_id = $1), k AS (DELETE FROM {t.Clicks} WHERE call_id = $1)
            DELETE FROM {t.Calls} WHERE call_id = $1
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = callId });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, DateTime at, int? limit, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = at });
        if (limit is { } l)
        {
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = l });
        }

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
