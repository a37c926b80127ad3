using Microsoft.Data.Sqlite;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>Reads <c>{table}_dead_letters</c> back as typed <see cref="DeadLetter"/>s, oldest first.</summary>
internal static class DeadLetterQuery
{
    public static List<DeadLetter> Read(SqliteConnection connection, TableNames t, int limit, CancellationToken cancellationToken)
    {
        var letters = new List<DeadLetter>();
        if (!SqliteSchema.TableExists(connection, t.DeadLettersPlain))
        {
            return letters;
        }

        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT operation_json, error, failed_at FROM {t.DeadLetters} ORDER BY failed_at, op_id LIMIT $limit";
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            _ = SqliteText.TryParseTimestamp(reader.GetString(2), out var failedAt);
            letters.Add(new DeadLetter(OperationJson.Deserialize(reader.GetString(0)), reader.GetString(1), failedAt));
        }

        return letters;
    }
}
