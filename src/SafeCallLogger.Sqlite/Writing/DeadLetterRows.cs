using Microsoft.Data.Sqlite;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>Writes and removes rows of <c>{table}_dead_letters</c>: one per set-aside operation, its JSON kept whole so it can be replayed.</summary>
internal sealed class DeadLetterRows
{
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _delete;

    public DeadLetterRows(PreparedCommands commands, TableNames t)
    {
        // The same letter handed over twice (a retried dead-letter write) keeps one row with the latest error.
        _insert = commands.Prepare(
            $"""
            INSERT INTO {t.DeadLetters} (op_id, call_id, kind, error, operation_json, failed_at) VALUES ($op, $id, $kind, $error, $json, $at)
                ON CONFLICT (op_id) DO UPDATE SET error = excluded.error, failed_at = excluded.failed_at
            """,
            "$op", "$id", "$kind", "$error", "$json", "$at");
        _delete = commands.Prepare($"DELETE FROM {t.DeadLetters} WHERE op_id = $op", "$op");
    }

    public void Insert(DeadLetter letter)
    {
        var operation = letter.Operation;
        var p = _insert.Parameters;
        p[0].Value = Key(operation.OperationId);
        p[1].Value = operation.CallId ?? string.Empty;
        p[2].Value = operation.Kind.ToString();
        p[3].Value = letter.Error ?? string.Empty;
        p[4].Value = OperationJson.Serialize(operation);
        p[5].Value = SqliteText.Timestamp(letter.FailedAt);
        _insert.ExecuteNonQuery();
    }

    public void Delete(Guid operationId)
    {
        _delete.Parameters[0].Value = Key(operationId);
        _delete.ExecuteNonQuery();
    }

    /// <summary>The operation id as text, so the sqlite3 shell shows it as it is logged.</summary>
    public static string Key(Guid operationId) => operationId.ToString("D");
}
