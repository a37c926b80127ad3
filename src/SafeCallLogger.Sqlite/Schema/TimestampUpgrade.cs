using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using SafeCallLogger.Storage;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// Schema 3's conversion of the timestamps this library wrote before it (<c>2026-12-01T03:05:00.000Z</c>) into
/// SQLite's canonical form (<c>2026-12-01 03:05:00.000</c>), so that text order, <c>datetime('now', …)</c>
/// filters and rows from other writers agree in the operator's own queries. Our readers accept both forms, so nothing
/// waits for it: the schema step only registers the job (in <c>{table}_upgrades</c>), and the sink works it off after
/// its batches, a bounded number of small transactions at a time, each releasing the write lock before the next, so
/// that neither our writes nor another process's wait long. Only values in exactly the old form are touched; every
/// other writer's value stays as it was written.
/// </summary>
internal static partial class TimestampUpgrade
{
    public const string JobName = "canonical_timestamps";

    /// <summary>The name of the table that records upgrade jobs and their progress.</summary>
    public static string StateTable(TableNames t) => SqlIdentifier.Quote(t.Plain + "_upgrades");

    /// <summary>
    /// The schema step, inside the caller's transaction: creates the job table and registers the job, already
    /// finished when no table of ours holds a row (a new file). Idempotent. Throws on failure.
    /// </summary>
    public static void Register(SqliteConnection connection, SqliteTransaction transaction, TableNames t)
    {
        var anyRow = string.Join(" OR ", Stages(t).Select(static s => $"EXISTS (SELECT 1 FROM {s.Table})"));
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            CREATE TABLE IF NOT EXISTS {StateTable(t)} (
                name TEXT PRIMARY KEY,
                stage INTEGER NOT NULL,
                key1,
                key2,
                finished_at TIMESTAMP
            );
            INSERT INTO {StateTable(t)} (name, stage, finished_at)
                SELECT $job, 0, CASE WHEN {anyRow} THEN NULL ELSE strftime('%Y-%m-%d %H:%M:%f', 'now') END
                ON CONFLICT (name) DO NOTHING;
            """;
        command.Parameters.AddWithValue("$job", JobName);
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Converts up to <paramref name="maxTransactions"/> transactions of <paramref name="batchSize"/> rows each;
    /// returns <see langword="true"/> when the job is finished (or was never registered). Throws on failure or
    /// cancellation; what was committed stays converted and the job resumes where it stopped.
    /// </summary>
    public static bool Run(SqliteConnection connection, TableNames t, int batchSize, int maxTransactions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stages = Stages(t);
        for (var done = 0; done < maxTransactions; done++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var transaction = connection.BeginTransaction(deferred: false);
            if (!ReadState(connection, transaction, t, out var stage, out var key1, out var key2))
            {
                transaction.Commit();
                return true;
            }

            if (stage >= stages.Length)
            {
                Save(connection, transaction, t, stage, null, null, now);
                transaction.Commit();
                return true;
            }

            var s = stages[stage];
            var hasLower = key1 is not null;
            var lower = hasLower ? $"({s.Keys}) > ({s.Params})" : "1";
            object?[]? last = null;
            using (var select = Command(connection, transaction, $"SELECT {s.Keys} FROM {s.Table} WHERE {lower} ORDER BY {s.Keys} LIMIT 1 OFFSET $skip", key1, key2))
            {
                select.Parameters.AddWithValue("$skip", batchSize - 1);
                using var reader = select.ExecuteReader();
                if (reader.Read())
                {
                    last = new object?[reader.FieldCount];
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        last[i] = reader.GetValue(i);
                    }
                }
            }

            var set = string.Join(", ", s.Columns.Select(static c => $"{c} = CASE WHEN {c} GLOB '{SqliteText.LegacyTimestampGlob}' THEN strftime('%Y-%m-%d %H:%M:%f', {c}) ELSE {c} END"));
            var any = string.Join(" OR ", s.Columns.Select(static c => $"{c} GLOB '{SqliteText.LegacyTimestampGlob}'"));
            var upper = last is null ? "1" : $"({s.Keys}) <= ({s.Params.Replace("$k", "$u", StringComparison.Ordinal)})";
            using (var update = Command(connection, transaction, $"UPDATE {s.Table} SET {set} WHERE {lower} AND {upper} AND ({any})", key1, key2))
            {
                if (last is not null)
                {
                    update.Parameters.AddWithValue("$u1", last[0]);
                    if (last.Length > 1)
                    {
                        update.Parameters.AddWithValue("$u2", last[1]);
                    }
                }

                update.ExecuteNonQuery();
            }

            if (last is null)
            {
                // That was the last batch of this table: the next transaction starts the next one.
                Save(connection, transaction, t, stage + 1, null, null, stage + 1 >= stages.Length ? now : null);
            }
            else
            {
                Save(connection, transaction, t, stage, last[0], last.Length > 1 ? last[1] : null, null);
            }

            transaction.Commit();
            if (last is null && stage + 1 >= stages.Length)
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(150, LogLevel.Information, "ML: timestamps written by earlier versions converted to SQLite's canonical form")]
    public static partial void Finished(ILogger logger);

    [LoggerMessage(151, LogLevel.Warning, "ML: timestamp upgrade failed; it resumes where it stopped in an hour")]
    public static partial void Failed(ILogger logger, Exception exception);

    private static Stage[] Stages(TableNames t) =>
    [
        new(t.Calls, "rowid", "$k1", ["match_date", "match_commence_time", "alert_sent_at", "expires_at"]),
        new(t.NotifiedUsers, "call_id, user_id", "$k1, $k2", ["notified_at"]),
        new(t.Clicks, "call_id, user_id", "$k1, $k2", ["first_clicked_at", "last_clicked_at"]),
        new(t.PendingOps, "seq", "$k1", ["received_at"]),
        new(t.AppliedOps, "op_id", "$k1", ["applied_at"]),
    ];

    private static bool ReadState(SqliteConnection connection, SqliteTransaction transaction, TableNames t, out int stage, out object? key1, out object? key2)
    {
        stage = 0;
        key1 = key2 = null;
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT stage, key1, key2 FROM {StateTable(t)} WHERE name = $job AND finished_at IS NULL";
        command.Parameters.AddWithValue("$job", JobName);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return false;
        }

        stage = reader.GetInt32(0);
        key1 = reader.IsDBNull(1) ? null : reader.GetValue(1);
        key2 = reader.IsDBNull(2) ? null : reader.GetValue(2);
        return true;
    }

    private static void Save(SqliteConnection connection, SqliteTransaction transaction, TableNames t, int stage, object? key1, object? key2, DateTimeOffset? finishedAt)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"UPDATE {StateTable(t)} SET stage = $stage, key1 = $k1, key2 = $k2, finished_at = $at WHERE name = $job";
        command.Parameters.AddWithValue("$stage", stage);
        command.Parameters.AddWithValue("$k1", key1 ?? DBNull.Value);
        command.Parameters.AddWithValue("$k2", key2 ?? DBNull.Value);
        command.Parameters.AddWithValue("$at", SqliteText.Timestamp(finishedAt));
        command.Parameters.AddWithValue("$job", JobName);
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, object? key1, object? key2)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        if (sql.Contains("$k1", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("$k1", key1 ?? DBNull.Value);
        }

        if (sql.Contains("$k2", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("$k2", key2 ?? DBNull.Value);
        }

        return command;
    }

    private sealed record Stage(string Table, string Keys, string Params, string[] Columns);
}
