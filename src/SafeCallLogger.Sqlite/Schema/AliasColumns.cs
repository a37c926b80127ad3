using Microsoft.Data.Sqlite;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// The names the Python bot's integration guide queries: <c>sent_at</c> and
/// <c>users_clicked</c>, as virtual generated columns aliasing <c>alert_sent_at</c> and <c>alert_clicked_count</c>.
/// Virtual columns cost no storage, cannot be written (every writer keeps writing the 34 stored columns), are left out
/// of <c>INSERT INTO t VALUES (…)</c> without a column list (so a writer that inserts 34 values still works), and
/// can be added to an existing table with <c>ALTER TABLE … ADD COLUMN</c>. Needs SQLite 3.31 or later in every
/// program that opens the file.
/// </summary>
internal static class AliasColumns
{
    /// <summary>Each alias and the column it reads.</summary>
    public static readonly (string Alias, string Type, string Source)[] Aliases =
    [
        ("sent_at", "TIMESTAMP", "alert_sent_at"),
        ("users_clicked", "INTEGER", "alert_clicked_count"),
    ];

    /// <summary>
    /// Adds the aliases missing from the calls table, inside the caller's transaction. A column of that name that
    /// already exists (an operator's own, generated or not) is left as it is. Idempotent. Throws on failure.
    /// </summary>
    public static void Ensure(SqliteConnection connection, SqliteTransaction transaction, TableNames t)
    {
        var existing = Columns(connection, transaction, t.Plain);
        foreach (var (alias, type, source) in Aliases)
        {
            if (existing.Contains(alias))
            {
                continue;
            }

            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"ALTER TABLE {t.Calls} ADD COLUMN {alias} {type} GENERATED ALWAYS AS ({source}) VIRTUAL";
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Every column of <paramref name="plainTable"/>, generated ones included (<c>table_xinfo</c>).</summary>
    public static HashSet<string> Columns(SqliteConnection connection, SqliteTransaction? transaction, string plainTable)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT name FROM pragma_table_xinfo($table)";
        command.Parameters.AddWithValue("$table", plainTable);
        using var reader = command.ExecuteReader();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
