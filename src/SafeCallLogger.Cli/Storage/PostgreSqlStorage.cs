using System.CommandLine;
using System.Globalization;
using Npgsql;
using SafeCallLogger.Cli.Infrastructure;
using SafeCallLogger.PostgreSql;

namespace SafeCallLogger.Cli.Storage;

/// <summary>A PostgreSQL database a fleet of bots writes, <c>--postgres "connection string"</c> (the storage package's own string).</summary>
internal sealed class PostgreSqlStorage : IStorageKind
{
    public static readonly Option<string?> Postgres = new("--postgres")
    {
        Description = "A PostgreSQL connection string (Host=...;Database=...;Username=...) instead of --db, for bots sharing one database.",
        HelpName = "CONNECTION",
        Recursive = true,
    };

    public IEnumerable<Option> Options => [Postgres];

    public bool IsNamed(ParseResult parse) => !string.IsNullOrWhiteSpace(parse.GetValue(Postgres));

    public StoreTarget Open(ParseResult parse, StoreSettings settings)
    {
        var connectionString = parse.GetValue(Postgres)!;
        string description;
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            description = string.Create(CultureInfo.InvariantCulture, $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}");
            builder.Timeout = Math.Max(1, (int)Math.Ceiling(settings.BusyTimeout.TotalSeconds));
            Verify(builder.ConnectionString, description);
        }
        catch (ArgumentException e)
        {
            throw CliException.BadArguments("--postgres: not a valid connection string (" + e.Message + ")");
        }

        var options = new PostgreSqlSinkOptions();
        if (settings.RetentionDays is { } days)
        {
            options.RetentionDays = days;
        }

        return new StoreTarget(description, new PostgreSqlCallStore(connectionString, options), () => new PostgreSqlCallSink(connectionString, options));
    }

    // Read-only, like the SQLite check: the store's exports, retention and self-test would create the schema.
    private static void Verify(string connectionString, string description)
    {
        try
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            using var command = new NpgsqlCommand($"SELECT to_regclass('{SqliteFileCheck.CallsTable}') IS NOT NULL", connection);
            if (command.ExecuteScalar() is not true)
            {
                throw new CliException(ExitCodes.NotADatabase, $"not a SafeCallLogger database: {description} has no {SqliteFileCheck.CallsTable} table");
            }
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            throw new CliException(ExitCodes.MissingFile, $"database not found: {description} ({e.MessageText})");
        }
        catch (NpgsqlException e) when (e is not PostgresException)
        {
            throw new CliException(ExitCodes.Failure, $"cannot connect to {description}: {e.Message}");
        }
    }
}
