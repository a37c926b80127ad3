using System.Data;
using Npgsql;
using SafeCallLogger.Analytics;

namespace SafeCallLogger.PostgreSql.Internal;

/// <summary>Which per-user tables a database has (a calls table the Python bot made may have neither).</summary>
internal readonly record struct PgAnalyticsTables(bool NotifiedUsers, bool Clicks)
{
    public static PgAnalyticsTables All => new(true, true);
}

/// <summary>
/// Runs an analytics statement: on its own pooled connection, in a <c>REPEATABLE READ</c> read-only transaction (one
/// snapshot while the fleet goes on writing; the <c>SET TRANSACTION</c> travels with the query in one round trip).
/// Never creates or changes the schema: when a table is missing (42P01) the tables are looked up once and the
/// statement is built again without them, or no rows come back when there are no calls at all.
/// </summary>
internal static class PgAnalyticsRead
{
    /// <summary>
    /// The rows of the statement <paramref name="sql"/> builds for the tables there are (<see langword="null"/>: no
    /// statement, no rows), each read by <paramref name="read"/>. Empty when the calls table does not exist.
    /// </summary>
    public static async Task<List<T>> RowsAsync<T>(NpgsqlDataSource dataSource, PgTableNames t, PgAnalyticsScope scope, Func<PgAnalyticsTables, string?> sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        var tables = PgAnalyticsTables.All;
        var probed = false;
        while (true)
        {
            var text = sql(tables);
            if (text is null)
            {
                return [];
            }

            try
            {
                return await RunAsync(dataSource, scope, text, read, cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidParameterValue && scope.FallBackToDotNetZone())
            {
                // The server does not know the zone's IANA id: the statement is built again with .NET's offsets.
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable && !probed)
            {
                probed = true;
                if (await ProbeAsync(dataSource, t, cancellationToken).ConfigureAwait(false) is not { } found)
                {
                    return [];
                }

                tables = found;
            }
        }
    }

    /// <summary>The keys a breakdown by <paramref name="by"/> always has, in their natural order; <see langword="null"/> when it has none.</summary>
    public static IReadOnlyList<string>? NaturalKeys(PgAnalyticsScope scope, CallDimension? by) => AnalyticsRules.NaturalKeys(by, scope.Labels);

    /// <summary>The rows in the order <see cref="ICallAnalytics"/> promises, the same as SQLite's (<see cref="AnalyticsRules.Order"/>).</summary>
    public static IReadOnlyList<TRow> Order<TRow>(PgAnalyticsScope scope, CallDimension? by, List<TRow> rows, Func<TRow, string?> key, Func<TRow, long> weight, Func<string, TRow> empty)
        where TRow : class => AnalyticsRules.Order(
            NaturalKeys(scope, by),
            rows.Where(r => key(r) is not null).ToDictionary(r => key(r)!, StringComparer.Ordinal),
            rows.Find(r => key(r) is null),
            weight,
            empty);

    public static long Long(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? 0 : reader.GetInt64(ordinal);

    public static double Double(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? 0 : reader.GetDouble(ordinal);

    public static double? NullableDouble(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);

    public static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static async Task<List<T>> RunAsync<T>(NpgsqlDataSource dataSource, PgAnalyticsScope scope, string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                using var batch = new NpgsqlBatch(connection, transaction);
                batch.BatchCommands.Add(new NpgsqlBatchCommand("SET TRANSACTION READ ONLY"));
                var query = new NpgsqlBatchCommand(sql);
                scope.Bind(query.Parameters, sql);
                batch.BatchCommands.Add(query);
                var rows = new List<T>();
                var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    do
                    {
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            rows.Add(read(reader));
                        }
                    }
                    while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return rows;
            }
        }
    }

    // Which tables exist; null when the calls table does not.
    private static async Task<PgAnalyticsTables?> ProbeAsync(NpgsqlDataSource dataSource, PgTableNames t, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = new NpgsqlCommand("SELECT to_regclass($1) IS NOT NULL, to_regclass($2) IS NOT NULL, to_regclass($3) IS NOT NULL", connection);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = t.Calls });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = t.NotifiedUsers });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = t.Clicks });
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                return reader.GetBoolean(0) ? new PgAnalyticsTables(reader.GetBoolean(1), reader.GetBoolean(2)) : null;
            }
        }
    }
}
