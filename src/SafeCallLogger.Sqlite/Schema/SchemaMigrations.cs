using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// Brings a file to the current schema: the ordered list of <see cref="Steps"/>, each applied once, in one
/// transaction. The version is kept in a table of our own (<c>{table}_schema</c>), never in <c>PRAGMA user_version</c>:
/// the file is shared with the bot's own tables, and user_version is the host application's to use.
/// </summary>
/// <remarks>
/// To add a schema change, append a step with the next number; never edit or reorder a shipped step. Every step must
/// be safe to run again on a file that already has it (<c>IF NOT EXISTS</c>), because a file may carry part of a step
/// made by another writer, and a dropped calls table is rebuilt by running every step again.
/// </remarks>
internal static class SchemaMigrations
{
    /// <summary>Every schema step, oldest first. The last one's number is <see cref="CurrentVersion"/>.</summary>
    private static readonly Step[] Steps =
    [
        new(1, "the Python bot's calls table and its indexes", static (c, tx, t) => SqliteSchema.Execute(c, tx, SqliteSchema.Version1(t))),
        new(2, "per-user, pending and applied-id tables; stats totals and their triggers", ApplyVersion2),
        new(3, "dead letters", static (c, tx, t) => SqliteSchema.Execute(c, tx, SqliteSchema.Version3(t))),
        new(4, "the Python guide's alias columns (sent_at, users_clicked); our old timestamps queued for conversion", PythonGuideCompatibilityStep.Apply),
        new(5, "analytics indexes: per-user rows by user and time, the /ml_test calls", AnalyticsIndexesStep.Apply),
    ];

    public static int CurrentVersion => Steps[^1].Version;

    /// <summary>
    /// Creates the schema when missing and upgrades an older file in place, in one transaction. Cheap when the file is
    /// current (one indexed read). Safe on every open and from several processes. Throws on failure.
    /// </summary>
    public static void EnsureCreated(SqliteConnection connection, TableNames t)
    {
        if (ReadVersion(connection, t) >= CurrentVersion && SqliteSchema.TableExists(connection, t.Plain))
        {
            return;
        }

        using var transaction = connection.BeginTransaction(deferred: false);

        // Read again under the write lock: another process may have migrated the file meanwhile.
        var version = ReadVersion(connection, t, transaction);
        var from = SqliteSchema.TableExists(connection, t.Plain, transaction) ? version : 0;
        foreach (var step in Steps)
        {
            if (step.Version > from)
            {
                step.Apply(connection, transaction, t);
            }
        }

        if (version < CurrentVersion)
        {
            SqliteSchema.Execute(connection, transaction, $"""
                CREATE TABLE IF NOT EXISTS {t.SchemaVersion} (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
                INSERT INTO {t.SchemaVersion} (id, version) VALUES (1, {CurrentVersion.ToString(CultureInfo.InvariantCulture)})
                    ON CONFLICT (id) DO UPDATE SET version = excluded.version;
                """);
        }

        transaction.Commit();
    }

    /// <summary>
    /// The schema version of the file: from our version table; for a file made before that table existed, read from
    /// what it holds (our version 2 tables, or only the Python bot's table), whatever <c>PRAGMA user_version</c> says. 0 for
    /// an empty file. Never writes.
    /// </summary>
    public static int ReadVersion(SqliteConnection connection, TableNames t, SqliteTransaction? transaction = null)
    {
        if (SqliteSchema.TableExists(connection, t.SchemaVersionPlain, transaction))
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT version FROM {t.SchemaVersion} WHERE id = 1";
            if (command.ExecuteScalar() is long stored)
            {
                return (int)stored;
            }
        }

        if (SqliteSchema.TableExists(connection, t.StatsByTypePlain, transaction))
        {
            return 2;
        }

        return SqliteSchema.TableExists(connection, t.Plain, transaction) ? 1 : 0;
    }

    private static void ApplyVersion2(SqliteConnection connection, SqliteTransaction transaction, TableNames t)
    {
        var totalsExisted = SqliteSchema.TableExists(connection, t.StatsByTypePlain, transaction);
        SqliteSchema.Execute(connection, transaction, SqliteSchema.Version2(t));
        if (!totalsExisted)
        {
            // Under the write lock taken by BEGIN IMMEDIATE: no row can slip in between the fill and the triggers.
            SqliteSchema.Execute(connection, transaction, SqliteSchema.FillTotals(t));
        }
    }

    /// <summary>One schema step: its number, what it adds (for a reader of this list), and how.</summary>
    private sealed record Step(int Version, string Adds, Action<SqliteConnection, SqliteTransaction, TableNames> Apply);
}
