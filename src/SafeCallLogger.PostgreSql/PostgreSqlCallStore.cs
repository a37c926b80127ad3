using System.Data;
using Npgsql;
using SafeCallLogger.PostgreSql.Internal;
using SafeCallLogger.Storage;

namespace SafeCallLogger.PostgreSql;

/// <summary>
/// The query side of the PostgreSQL storage (<see cref="ICallStore"/>): the totals behind <c>/ml_stats</c>, the
/// <c>/ml_test</c> self-test, retention on demand, and CSV / JSON Lines export in the same format as every store.
/// Thread-safe; runs while any number of sinks keep writing. Backups are <c>pg_dump</c>'s job (docs/POSTGRESQL.md).
/// </summary>
public sealed partial class PostgreSqlCallStore : ICallStore, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly PostgreSqlSinkOptions _options;
    private readonly PgTableNames _names;
    private readonly TimeProvider _time;

    /// <summary>
    /// Creates the store on a data source of its own built from <paramref name="connectionString"/> (the pool size and
    /// timeouts of <paramref name="options"/> unless the string sets them), disposed with the store. Never connects here.
    /// Throws <see cref="ArgumentException"/> when the string is blank or malformed or the options are invalid.
    /// </summary>
    /// <param name="connectionString">An Npgsql connection string, the same as the sink's.</param>
    /// <param name="options">The same settings as the sink's (schema, table, retention); the default is every default.</param>
    /// <param name="timeProvider">The clock for retention and the self-test; the default is <see cref="TimeProvider.System"/>.</param>
#pragma warning disable RS0026 // The overloads differ in their first parameter's type, so no call can be ambiguous.
    public PostgreSqlCallStore(string connectionString, PostgreSqlSinkOptions? options = null, TimeProvider? timeProvider = null)
#pragma warning restore RS0026
        : this(CreateDataSource(connectionString, options), ownsDataSource: true, options, timeProvider)
    {
    }

    /// <summary>
    /// Creates the store on <paramref name="dataSource"/>, which stays the caller's (not disposed with the store).
    /// Never connects here. Throws <see cref="ArgumentException"/> when the options are invalid.
    /// </summary>
    /// <param name="dataSource">The data source to read through.</param>
    /// <param name="options">The same settings as the sink's (schema, table, retention); the default is every default.</param>
    /// <param name="timeProvider">The clock for retention and the self-test; the default is <see cref="TimeProvider.System"/>.</param>
#pragma warning disable RS0026 // The overloads differ in their first parameter's type, so no call can be ambiguous.
    public PostgreSqlCallStore(NpgsqlDataSource dataSource, PostgreSqlSinkOptions? options = null, TimeProvider? timeProvider = null)
#pragma warning restore RS0026
        : this(dataSource ?? throw new ArgumentNullException(nameof(dataSource)), ownsDataSource: false, options, timeProvider)
    {
    }

    private PostgreSqlCallStore(NpgsqlDataSource dataSource, bool ownsDataSource, PostgreSqlSinkOptions? options, TimeProvider? timeProvider)
    {
        _options = PostgreSqlSinkOptions.ValidatedCopy(options, nameof(options));
        _names = new PgTableNames(_options.SchemaName, _options.TableName);
        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc/>
    public async Task<CallStoreTotals> GetTotalsAsync(CancellationToken cancellationToken = default)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await TotalsQuery.ReadAsync(connection, _names, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public Task<SelfTestResult> SelfTestAsync(ICallLogger logger, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        StoreSelfTest.RunAsync(logger, timeout, _time, RemoveTestCallAsync, $"table {_names.SchemaPlain}.{_names.Plain} of this database", cancellationToken);

    /// <inheritdoc/>
    public async Task<int> RunRetentionAsync(CancellationToken cancellationToken = default)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await PgMigrations.EnsureCreatedAsync(connection, _names, cancellationToken).ConfigureAwait(false);
            return await PgRetention.RunAsync(connection, _names, _options, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async Task<long> ExportAsync(Stream destination, CallExport? export = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        export ??= new CallExport();
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await PgMigrations.EnsureCreatedAsync(connection, _names, cancellationToken).ConfigureAwait(false);

            // One snapshot for the whole export while the fleet goes on writing.
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                using var command = new NpgsqlCommand(export.Rows == CallExportRows.UserEvents ? ExportQueries.UserEvents(_names, export) : ExportQueries.Calls(_names, export), connection, transaction);
                ExportQueries.AddRange(command, export);
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    return export.Format == CallExportFormat.JsonLines
                        ? await DbRowExporter.WriteJsonLinesAsync(reader, destination, cancellationToken).ConfigureAwait(false)
                        : await DbRowExporter.WriteCsvAsync(reader, destination, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>Disposes the data source when the store built it. Never throws; calling it again does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Disposes the data source when the store built it. Never throws; calling it again does nothing.</summary>
    public void Dispose()
    {
        if (_ownsDataSource)
        {
            _dataSource.Dispose();
        }
    }

    private static NpgsqlDataSource CreateDataSource(string connectionString, PostgreSqlSinkOptions? options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return PgDataSources.Create(connectionString, PostgreSqlSinkOptions.ValidatedCopy(options, nameof(options)));
    }

    private async Task<bool> RemoveTestCallAsync(string callId, CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            if (!await TotalsQuery.ExistsAsync(connection, _names.Calls, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            using (var select = new NpgsqlCommand($"SELECT data_source FROM {_names.Calls} WHERE call_id = $1", connection))
            {
                select.Parameters.Add(new NpgsqlParameter<string> { TypedValue = callId });
                if (await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not string source || source != StoreSelfTest.DataSource)
                {
                    return false;
                }
            }

            await PgRetention.DeleteCallAsync(connection, _names, callId, cancellationToken).ConfigureAwait(false);
            return true;
        }
    }
}
