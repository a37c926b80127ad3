using System.Globalization;
using Npgsql;

namespace SafeCallLogger.PostgreSql.Internal;

/// <summary>
/// Brings a database to the current schema: the ordered <see cref="Steps"/>, each applied once, all in one
/// transaction that first takes <c>pg_advisory_xact_lock(<see cref="LockKey"/>)</c>. Ten processes starting at once
/// queue on that lock: the first migrates, the others find the schema current, and none sees 23505 or 42P07 (the
/// errors concurrent <c>CREATE … IF NOT EXISTS</c> raise without it). The lock ends with the transaction, so a
/// process killed mid-migration leaves nothing held and nothing half done.
/// </summary>
/// <remarks>
/// To change the schema, append a step with the next number; never edit or reorder a shipped step. Every step must be
/// safe to run again (<c>IF NOT EXISTS</c>): a dropped calls table is rebuilt by running every step again.
/// </remarks>
internal static class PgMigrations
{
    /// <summary>The advisory lock every SafeCallLogger migration takes, whatever the schema and table ("SCLMIGR1").</summary>
    public const long LockKey = 0x53434C4D49475231;

    private static readonly Step[] Steps =
    [
        new(1, "the Python bot's calls table and its indexes", PgSchema.Version1),
        new(2, "per-user, pending and applied-id tables; stats deltas and their statement triggers", PgSchema.Version2),
        new(3, "dead letters", PgSchema.Version3),
        new(4, "the Python guide's alias columns (sent_at, users_clicked)", PgSchema.Version4),
    ];

    public static int CurrentVersion => Steps[^1].Version;

    /// <summary>
    /// Creates the schema when missing and upgrades an older one in place, under the advisory lock, in one
    /// transaction. Returns the version found before. Throws on failure (nothing is left half applied).
    /// </summary>
    public static async Task<int> EnsureCreatedAsync(NpgsqlConnection connection, PgTableNames t, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({LockKey.ToString(CultureInfo.InvariantCulture)})", cancellationToken).ConfigureAwait(false);
            if (!await ExistsAsync(connection, transaction, "SELECT to_regnamespace(@name) IS NOT NULL", t.SchemaPlain, cancellationToken).ConfigureAwait(false))
            {
                await ExecuteAsync(connection, transaction, $"CREATE SCHEMA IF NOT EXISTS {t.Schema}", cancellationToken).ConfigureAwait(false);
            }

            await ExecuteAsync(connection, transaction, $"CREATE TABLE IF NOT EXISTS {t.SchemaVersion} (id integer PRIMARY KEY CHECK (id = 1), version integer NOT NULL)", cancellationToken).ConfigureAwait(false);
            var version = await ReadVersionAsync(connection, transaction, t, cancellationToken).ConfigureAwait(false);
            var tableExists = await ExistsAsync(connection, transaction, "SELECT to_regclass(@name) IS NOT NULL", t.Calls, cancellationToken).ConfigureAwait(false);
            var from = tableExists ? version : 0;
            if (from >= CurrentVersion)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return version;
            }

            foreach (var step in Steps)
            {
                if (step.Version > from)
                {
                    await ExecuteAsync(connection, transaction, step.Sql(t), cancellationToken).ConfigureAwait(false);
                }
            }

            await ExecuteAsync(connection, transaction, $"""
                INSERT INTO {t.SchemaVersion} (id, version) VALUES (1, {CurrentVersion.ToString(CultureInfo.InvariantCulture)})
                    ON CONFLICT (id) DO UPDATE SET version = excluded.version
                """, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return version;
        }
    }

    /// <summary>The schema version recorded in the database; 0 when none. Never writes.</summary>
    public static async Task<int> ReadVersionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, PgTableNames t, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(connection, transaction, "SELECT to_regclass(@name) IS NOT NULL", t.SchemaVersion, cancellationToken).ConfigureAwait(false))
        {
            return 0;
        }

        using var command = new NpgsqlCommand($"SELECT version FROM {t.SchemaVersion} WHERE id = 1", connection, transaction);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is int stored ? stored : 0;
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, string name, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("name", name);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One schema step: its number, what it adds (for a reader of this list), and its DDL.</summary>
    private sealed record Step(int Version, string Adds, Func<PgTableNames, string> Sql);
}
