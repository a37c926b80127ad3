using Npgsql;

namespace SafeCallLogger.PostgreSql.Internal;

/// <summary>
/// Where the logger keeps its local journal for a PostgreSQL sink, so <see cref="JournalMode.Auto"/> spills to disk
/// during an outage instead of filling the queue: a folder in the application's folder named after the server,
/// database, schema and table. Two processes started from the same folder share that name; the second runs with its
/// journal off (the journal is locked, and the logger says so) unless <c>Journal.Directory</c> is set per process.
/// </summary>
internal static class PgJournalPlacement
{
    public static string Directory(string connectionString, PgTableNames names)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var name = $"safecall-pg-{builder.Host}-{builder.Port}-{builder.Database ?? builder.Username}-{names.SchemaPlain}.{names.Plain}";
        var invalid = Path.GetInvalidFileNameChars();
        var safe = new string(name.Select(c => invalid.Contains(c) || c is ',' or ' ' ? '_' : c).ToArray());
        return Path.Combine(AppContext.BaseDirectory, safe + ".journal");
    }
}
