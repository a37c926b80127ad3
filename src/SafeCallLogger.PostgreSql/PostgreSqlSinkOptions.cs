using System.Globalization;
using SafeCallLogger.Configuration;
using SafeCallLogger.PostgreSql.Internal;
using SafeCallLogger.Storage;

namespace SafeCallLogger.PostgreSql;

/// <summary>
/// Settings of <see cref="PostgreSqlCallSink"/> and <see cref="PostgreSqlCallStore"/>. Checked once by
/// <see cref="Validate"/>, which reports every problem at once; the sink, the store and <c>UsePostgreSql</c> throw
/// <see cref="ArgumentException"/> when it finds any, never later on the logging path.
/// </summary>
public sealed class PostgreSqlSinkOptions : CallStoreOptions
{
    /// <summary>The longest accepted <see cref="TableName"/>, so that companion table, index and trigger names stay within PostgreSQL's 63 bytes.</summary>
    public const int MaxTableNameLength = 40;

    /// <summary>The longest accepted <see cref="SchemaName"/> (PostgreSQL's identifier limit).</summary>
    public const int MaxSchemaNameLength = 63;

    /// <summary>
    /// The schema holding the calls table and its companions, created when missing. Must be a plain SQL identifier
    /// (a letter or underscore, then letters, digits or underscores, not starting with <c>pg_</c>); it is never
    /// spliced into SQL otherwise. The default is <c>public</c>.
    /// </summary>
    public string SchemaName { get; set; } = "public";

    /// <summary>
    /// The calls table. Companion tables are named after it (<c>{table}_notified_users</c>, <c>{table}_clicks</c>,
    /// <c>{table}_pending_ops</c>, <c>{table}_applied_ops</c>, <c>{table}_dead_letters</c>, <c>{table}_stats</c>,
    /// <c>{table}_schema</c>). A plain SQL identifier of at most <see cref="MaxTableNameLength"/> characters. The
    /// default is <c>arbitrage_calls</c>.
    /// </summary>
    public string TableName { get; set; } = "arbitrage_calls";

    /// <summary>
    /// How long one statement (a whole batch is one) may run before the server cancels it, which the logger then
    /// retries as an outage. Keep it below the logger's <c>CallLoggerOptions.WriteTimeout</c> (30 s by default). The
    /// default is 15 seconds. Between 1 second and 10 minutes.
    /// </summary>
    [DurationLimit("00:00:01", "00:10:00")]
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long opening a connection may take before it fails (a server down or unreachable fails fast, and the
    /// logger's retry, circuit and journal take over). Applies to a data source built from a connection string; an
    /// <c>NpgsqlDataSource</c> you pass keeps its own. The default is 5 seconds. Between 1 second and 5 minutes.
    /// </summary>
    [DurationLimit("00:00:01", "00:05:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The most connections the sink and the store of one process open to the server (<c>Maximum Pool Size</c>): the
    /// writer holds one, queries and retention borrow the others. A fleet uses processes × this, which must fit the
    /// server's <c>max_connections</c> (docs/POSTGRESQL.md). Applies to a data source built from a connection string.
    /// The default is 4. Between 1 and 100.
    /// </summary>
    [Limit(1, 100)]
    public int MaxPoolSize { get; set; } = 4;

    /// <summary><see langword="true"/> when <paramref name="name"/> is accepted as <see cref="TableName"/>. Never throws.</summary>
    /// <param name="name">The candidate table name.</param>
    public static bool IsValidTableName(string? name) => SqlIdentifier.IsValid(name, MaxTableNameLength, "pg_");

    /// <summary><see langword="true"/> when <paramref name="name"/> is accepted as <see cref="SchemaName"/>. Never throws.</summary>
    /// <param name="name">The candidate schema name.</param>
    public static bool IsValidSchemaName(string? name) => SqlIdentifier.IsValid(name, MaxSchemaNameLength, "pg_");

    /// <summary>
    /// Checks every setting and returns every problem found, each as one sentence naming the setting and its value;
    /// empty when all is well. Never throws.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (PostgreSqlSinkOptionsLimits.Instance.Validate(null, this) is { Failed: true, Failures: { } failures })
        {
            errors.AddRange(failures);
        }

        if (!IsValidSchemaName(SchemaName))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"SchemaName must be a letter or underscore followed by letters, digits or underscores, at most {MaxSchemaNameLength} characters, not starting with pg_ (was '{SchemaName}')."));
        }

        if (!IsValidTableName(TableName))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"TableName must be a letter or underscore followed by letters, digits or underscores, at most {MaxTableNameLength} characters, not starting with pg_ (was '{TableName}')."));
        }

        return errors;
    }

    /// <summary>Returns a copy, so later changes to the original do not reach a running sink.</summary>
    internal PostgreSqlSinkOptions Clone() => (PostgreSqlSinkOptions)MemberwiseClone();

    /// <summary>Returns a validated copy of <paramref name="options"/>, or throws <see cref="ArgumentException"/> listing every problem.</summary>
    internal static PostgreSqlSinkOptions ValidatedCopy(PostgreSqlSinkOptions? options, string parameterName)
    {
        var copy = (options ?? new PostgreSqlSinkOptions()).Clone();
        var errors = copy.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid PostgreSQL sink options: " + string.Join(" ", errors), parameterName);
        }

        return copy;
    }
}
