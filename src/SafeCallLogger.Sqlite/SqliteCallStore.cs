using Microsoft.Data.Sqlite;
using SafeCallLogger.Sqlite.Internal;
using SafeCallLogger.Storage;

namespace SafeCallLogger.Sqlite;

/// <summary>
/// The query side of the SQLite storage, on the same database file as <see cref="SqliteCallSink"/>: stats for
/// <c>/ml_stats</c>, the <c>/ml_test</c> self-test, online backup, CSV and JSON Lines export, on-demand
/// retention, and reading and replaying dead letters. Each method opens its own short-lived connection, so it runs while the sink keeps writing (WAL).
/// Thread-safe. Stats never create or change the schema; exports, retention and the self-test create it when missing (an existing current schema is left untouched, so a read-only connection string works for stats, exports and backup).
/// </summary>
public sealed partial class SqliteCallStore : ICallStore
{
    private static readonly string[] TimeColumns = ["match_date", "match_commence_time", "alert_sent_at", "expires_at"];

    private readonly string _connectionString;
    private readonly SqliteSinkOptions _options;
    private readonly TableNames _names;
    private readonly TimeProvider _time;

    /// <summary>
    /// Creates the store. Never opens the database here. Throws <see cref="ArgumentException"/> when
    /// <paramref name="connectionString"/> is blank or <paramref name="options"/> are invalid (every problem listed).
    /// </summary>
    /// <param name="connectionString">The same connection string as the sink's, e.g. <c>Data Source=arbitrage_bot.db</c>; a relative path is resolved against <see cref="AppContext.BaseDirectory"/>, as the sink does.</param>
    /// <param name="options">The same settings as the sink's (at least <see cref="SqliteSinkOptions.TableName"/>); the default is <see cref="SqliteSinkOptions"/> with its defaults.</param>
    /// <param name="timeProvider">The clock for stats, self-test timing and retention; the default is <see cref="TimeProvider.System"/>.</param>
    public SqliteCallStore(string connectionString, SqliteSinkOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _options = SqliteSinkOptions.ValidatedCopy(options, nameof(options));
        _connectionString = SqliteConnections.ResolveDataSource(connectionString);
        _names = new TableNames(_options.TableName);
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>
    /// Reads the plain aggregates behind <see cref="CallStoreExtensions.GetStatsAsync"/>: total calls, calls by type, sports covered,
    /// calls with clicks, users notified and bet, results known, total profit and the newest call, from the running
    /// totals the schema keeps (one index seek for the newest call). Never creates or changes the schema; an empty or
    /// new database gives zeros. Throws when the database cannot be read or on cancellation.
    /// </summary>
    /// <param name="cancellationToken">Cancels before the query starts.</param>
    public Task<CallStoreTotals> GetTotalsAsync(CancellationToken cancellationToken = default) =>
        Task.Run(
            () =>
            {
                using var connection = Open();
                return StatsQuery.Read(connection, _names, _time.GetUtcNow());
            },
            cancellationToken);

    /// <summary>
    /// The <c>/ml_test</c> self-test: logs a marked test call (id <c>ml_test_...</c>, data source
    /// <c>ml_test</c>, 0 users notified) through <paramref name="logger"/>, flushes, reads it back from this store's
    /// database, then deletes it and its companion rows. Reports success, or the reason for failure, within
    /// <paramref name="timeout"/>. Never throws: cancellation and errors are reported as failures.
    /// </summary>
    /// <param name="logger">The logger writing to this store's database.</param>
    /// <param name="timeout">How long the whole test may take.</param>
    /// <param name="cancellationToken">Stops the test early (reported as a failure).</param>
    public Task<SelfTestResult> SelfTestAsync(ICallLogger logger, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        StoreSelfTest.RunAsync(
            logger,
            timeout,
            _time,
            (callId, token) => Task.Run(() => RemoveTestCall(callId), token),
            $"table {_names.Plain} of this database",
            cancellationToken);

    /// <summary>
    /// Writes a consistent copy of the live database to <paramref name="destinationPath"/> while logging continues
    /// (<c>VACUUM INTO</c> reads one snapshot; in WAL mode the writer is not blocked). The copy is written under a
    /// temporary name and then moved into place, replacing an existing file; the directory is created when missing.
    /// Throws when the copy fails or on cancellation.
    /// </summary>
    /// <param name="destinationPath">The backup file.</param>
    /// <param name="cancellationToken">Cancels before the copy starts.</param>
    public Task BackupAsync(string destinationPath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destinationPath);
        return Task.Run(
            () =>
            {
                using var connection = Open();
                SqliteBackup.CopyTo(connection, destinationPath, cancellationToken);
            },
            cancellationToken);
    }

    /// <summary>
    /// Streams the rows <paramref name="export"/> asks for (<see cref="ICallStore.ExportAsync"/>) from one read
    /// transaction, so the sink goes on writing (WAL). Calls come with the table's columns exactly, timestamps in
    /// SQLite's canonical UTC text <c>YYYY-MM-DD HH:MM:SS.SSS</c> whoever wrote them (a value no date function reads
    /// stays as stored), in the time order of <c>alert_sent_at</c>, not its text order; the time range compares by
    /// time too. Creates the schema when missing. Leaves <paramref name="destination"/> open. Returns the number of
    /// rows. Throws when the database cannot be read or on cancellation.
    /// </summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="export">Which rows, format and time range; <see langword="null"/> is every call as CSV.</param>
    /// <param name="cancellationToken">Stops the export.</param>
    public async Task<long> ExportAsync(Stream destination, CallExport? export = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        export ??= new CallExport();
        var connection = Open();
        await using (connection.ConfigureAwait(false))
        {
            SchemaMigrations.EnsureCreated(connection, _names);

            // A read transaction keeps one snapshot for the whole export while the sink goes on writing.
            var transaction = connection.BeginTransaction(deferred: true);
            await using (transaction.ConfigureAwait(false))
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = export.Rows == CallExportRows.UserEvents ? UserEventsQuery(export) : CallsQuery(export);
                AddRange(command, export);
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

    /// <summary>
    /// Deletes, now, the calls older than <see cref="CallStoreOptions.RetentionDays"/> (by <c>alert_sent_at</c>)
    /// with their per-user rows, in transactions of <see cref="CallStoreOptions.RetentionBatchSize"/> calls; also
    /// operations that waited longer than <see cref="CallStoreOptions.PendingOperationTtl"/> for their call and
    /// applied-operation ids older than <see cref="CallStoreOptions.AppliedOperationTtl"/> (both also when retention is off). Returns how many calls were deleted; 0 when retention is off. Throws when the
    /// database cannot be written or on cancellation (what was committed stays deleted).
    /// </summary>
    /// <param name="cancellationToken">Stops between two small transactions.</param>
    public Task<int> RunRetentionAsync(CancellationToken cancellationToken = default) =>
        Task.Run(
            () =>
            {
                using var connection = Open();
                SchemaMigrations.EnsureCreated(connection, _names);
                return Retention.Run(connection, _names, _options, _time.GetUtcNow(), cancellationToken, out _);
            },
            cancellationToken);

    private SqliteConnection Open() => SqliteConnections.Open(_connectionString, _options.BusyTimeout, enableWal: false);

    private bool RemoveTestCall(string callId)
    {
        using var connection = Open();
        using (var select = connection.CreateCommand())
        {
            select.CommandText = $"SELECT data_source FROM {_names.Calls} WHERE call_id = $id";
            select.Parameters.AddWithValue("$id", callId);
            if (!SqliteSchema.TableExists(connection, _names.Plain) || select.ExecuteScalar() is not string source || source != StoreSelfTest.DataSource)
            {
                return false;
            }
        }

        SchemaMigrations.EnsureCreated(connection, _names);
        using var transaction = connection.BeginTransaction(deferred: false);
        Retention.DeleteCalls(connection, transaction, _names, [callId]);
        transaction.Commit();
        return true;
    }

    // Times come out in one form whoever wrote them (the canonical text; a value no date function reads stays as
    // stored) and rows in time order, not text order: the Python bot's and our pre-schema-3 rows sort differently.
    private string CallsQuery(CallExport export) =>
        $"SELECT {string.Join(", ", SqliteSchema.Columns.Select(static c => TimeColumns.Contains(c) ? $"{SqliteText.CanonicalSql(c)} AS {c}" : c))} FROM {_names.Calls}{RangeSql("alert_sent_at", export)} ORDER BY {SqliteText.JulianDaySql("alert_sent_at")}, call_id";

    private string UserEventsQuery(CallExport export) => $"""
        SELECT call_id, user_id, event, {SqliteText.CanonicalSql("event_at")} AS event_at, click_count FROM (
            SELECT call_id, user_id, 'notified' AS event, notified_at AS event_at, NULL AS click_count FROM {_names.NotifiedUsers}
            UNION ALL
            SELECT call_id, user_id, 'clicked', first_clicked_at, click_count FROM {_names.Clicks}){RangeSql("event_at", export)}
        ORDER BY {SqliteText.JulianDaySql("event_at")}, call_id, user_id
        """;

    private static string RangeSql(string column, CallExport export)
    {
        var conditions = new List<string>(2);
        if (export.Since is not null)
        {
            conditions.Add($"{SqliteText.JulianDaySql(column)} >= julianday($since)");
        }

        if (export.Until is not null)
        {
            conditions.Add($"{SqliteText.JulianDaySql(column)} < julianday($until)");
        }

        return conditions.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", conditions);
    }

    private static void AddRange(SqliteCommand command, CallExport export)
    {
        if (export.Since is { } since)
        {
            command.Parameters.AddWithValue("$since", SqliteText.Timestamp(since));
        }

        if (export.Until is { } until)
        {
            command.Parameters.AddWithValue("$until", SqliteText.Timestamp(until));
        }
    }
}
