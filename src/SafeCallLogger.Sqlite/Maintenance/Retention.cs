using Microsoft.Data.Sqlite;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// Deletes calls older than the retention period with their per-user rows, then stale bookkeeping rows, in small
/// transactions so that the write lock is never held for long and other writers get their turn in between.
/// </summary>
internal static class Retention
{
    /// <summary>
    /// Runs retention on <paramref name="connection"/>: calls older than <see cref="CallStoreOptions.RetentionDays"/>
    /// (none when 0), pending operations older than <see cref="CallStoreOptions.PendingOperationTtl"/> and
    /// applied-operation ids older than <see cref="CallStoreOptions.AppliedOperationTtl"/>; returns how many calls were deleted. Stops after
    /// <paramref name="maxBatches"/> transactions of calls (so one run never stalls the writer for long);
    /// <paramref name="finished"/> is <see langword="false"/> when it stopped there and more may remain. Throws on failure or
    /// cancellation; what was committed stays deleted.
    /// </summary>
    public static int Run(SqliteConnection connection, TableNames t, SqliteSinkOptions options, DateTimeOffset now, CancellationToken cancellationToken, out bool finished, int maxBatches = int.MaxValue)
    {
        finished = true;
        var batchSize = options.RetentionBatchSize;

        // Operations waiting for a call that never came: pruned after their own short TTL, retention on or off, so
        // that long-dead orphans do not fill MaxPendingOperations and squeeze out legitimate early clicks.
        // Both compare by time (julianday), never by text: a file upgraded from schema 2 may still hold the old
        // 'T…Z' form until the timestamp upgrade reaches it, and 'T' sorts after the canonical form's space.
        DeleteInChunks(connection, $"DELETE FROM {t.PendingOps} WHERE seq IN (SELECT seq FROM {t.PendingOps} WHERE {SqliteText.JulianDaySql("received_at")} < julianday($cutoff) LIMIT $limit)", now - options.PendingOperationTtl, batchSize, cancellationToken);

        // Applied operation ids only need to outlive retries and journal replays, not the calls themselves.
        DeleteInChunks(connection, $"DELETE FROM {t.AppliedOps} WHERE op_id IN (SELECT op_id FROM {t.AppliedOps} WHERE applied_at < $upper AND {SqliteText.JulianDaySql("applied_at")} < julianday($cutoff) LIMIT $limit)", now - options.AppliedOperationTtl, batchSize, cancellationToken);

        var retentionDays = options.RetentionDays;
        if (retentionDays <= 0)
        {
            return 0;
        }

        var cutoff = now - TimeSpan.FromDays(retentionDays);
        var deleted = 0;
        var ids = new List<string>(batchSize);

        // alert_sent_at is not only ours: the sqlite3 shell, the Python bot and the column default write
        // 'YYYY-MM-DD HH:MM:SS', files from before schema 3 hold 'YYYY-MM-DDTHH:MM:SS.SSSZ' until upgraded (a 'T'
        // sorts after a space), others write an offset or a number. Each pass keeps an indexed range on alert_sent_at
        // to find candidates and decides by the actual time (julianday), so that a row is never deleted early whatever
        // its format. The text range ends at the date two days after the cutoff: every form of an older time sorts
        // before it (a same-day 'T' row, an offset of up to 14 hours). Text that no date function reads is never deleted.
        string[] passes = [.. OlderCalls.Select(older => $"SELECT call_id FROM {t.Calls} WHERE {older} ORDER BY alert_sent_at LIMIT $limit")];

        foreach (var sql in passes)
        {
            while (true)
            {
                if (maxBatches <= 0)
                {
                    finished = false;
                    break;
                }

                cancellationToken.ThrowIfCancellationRequested();
                using var transaction = connection.BeginTransaction(deferred: false);
                ids.Clear();
                using (var select = Command(connection, transaction, sql, cutoff, batchSize))
                using (var reader = select.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        ids.Add(reader.GetString(0));
                    }
                }

                if (ids.Count > 0)
                {
                    DeleteCalls(connection, transaction, t, ids);
                }

                transaction.Commit();
                deleted += ids.Count;
                --maxBatches;
                if (ids.Count < batchSize)
                {
                    break;
                }
            }
        }

        return deleted;
    }

    /// <summary>
    /// How many calls a run with <paramref name="cutoff"/> would delete now, found as its passes find them (each an
    /// indexed range, so a count shrinks with the calls still to go): what <c>safecall prune</c>'s progress bar follows.
    /// </summary>
    public static long CountOlder(SqliteConnection connection, TableNames t, DateTimeOffset cutoff)
    {
        using var count = Command(connection, null, $"SELECT {string.Join(" + ", OlderCalls.Select(older => $"(SELECT COUNT(*) FROM {t.Calls} WHERE {older})"))}", cutoff, limit: 0);
        return Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Deletes calls and every companion row of theirs, inside the caller's transaction.</summary>
    public static void DeleteCalls(SqliteConnection connection, SqliteTransaction transaction, TableNames t, IEnumerable<string> callIds)
    {
        string[] tables = [t.NotifiedUsers, t.Clicks, t.PendingOps, t.Calls];
        foreach (var table in tables)
        {
            using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = $"DELETE FROM {table} WHERE call_id = $id";
            var id = delete.Parameters.Add(new SqliteParameter { ParameterName = "$id" });
            foreach (var callId in callIds)
            {
                id.Value = callId;
                delete.ExecuteNonQuery();
            }
        }
    }

    private static void DeleteInChunks(SqliteConnection connection, string sql, DateTimeOffset cutoff, int batchSize, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var transaction = connection.BeginTransaction(deferred: false);
            using var delete = Command(connection, transaction, sql, cutoff, batchSize);
            var count = delete.ExecuteNonQuery();
            transaction.Commit();
            if (count < batchSize)
            {
                return;
            }
        }
    }

    // The calls sent before $cutoff, in two passes an index range on alert_sent_at each finds (see Run).
    private static readonly string[] OlderCalls =
    [
        // Text rows (every TEXT value sorts after every number): canonical rows, shell rows, anything julianday reads.
        "alert_sent_at >= '' AND alert_sent_at < $upper AND julianday(alert_sent_at) < julianday($cutoff)",

        // Numeric rows (every number sorts before ''): read as a Julian day number when in SQLite's Julian day
        // range, as Unix epoch milliseconds when too large for seconds, otherwise as Unix epoch seconds.
        $"alert_sent_at < '' AND {SqliteText.NumericJulianDaySql("alert_sent_at")} < julianday($cutoff)",
    ];

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, DateTimeOffset cutoff, int limit)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$cutoff", SqliteText.Timestamp(cutoff));
        if (sql.Contains("$upper", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("$upper", SqliteText.Date(cutoff.AddDays(2)));
        }

        if (sql.Contains("$limit", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("$limit", limit);
        }

        return command;
    }
}
