using System.Globalization;
using Microsoft.Data.Sqlite;
using SafeCallLogger.Sqlite.Internal;

namespace SafeCallLogger.Sqlite;

/// <summary>
/// The query side of the SQLite storage, on the same database file as <see cref="SqliteCallSink"/>: stats for
/// <c>/ml_stats</c>, the <c>/ml_test</c> self-test, online backup, CSV and JSON Lines export, on-demand
/// retention, and reading and replaying dead letters. Each method opens its own short-lived connection, so it runs while the sink keeps writing (WAL).
/// Thread-safe. Stats never create or change the schema; exports, retention and the self-test create it when missing (an existing current schema is left untouched, so a read-only connection string works for stats, exports and backup).
/// </summary>
public sealed partial class SqliteCallStore : ICallStore
{
    private const string TestCallPrefix = "ml_test_";
    private const string TestDataSource = "ml_test";

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
    /// Reads what <c>/ml_stats</c> shows: the logger's state and counts from <paramref name="health"/> when
    /// given, and from the database the total calls, calls by type, sports covered, calls with clicks, conversion
    /// rate, results known, total profit and recommendations (<see cref="CallStats.Create"/> over
    /// <see cref="GetTotalsAsync"/>, as for every <see cref="ICallStore"/>). An empty or new database gives zeros.
    /// Throws when the database cannot be read or on cancellation.
    /// </summary>
    /// <param name="health">The logger's health (<see cref="ICallLogger.GetHealth"/>); the default is <see langword="null"/>: logger fields stay <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels before the query starts.</param>
    public async Task<CallStats> GetStatsAsync(CallLoggerHealth? health = null, CancellationToken cancellationToken = default) =>
        CallStats.Create(await GetTotalsAsync(cancellationToken).ConfigureAwait(false), health);

    /// <summary>
    /// Reads the plain aggregates behind <see cref="GetStatsAsync"/>: total calls, calls by type, sports covered,
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
    public async Task<SelfTestResult> SelfTestAsync(ICallLogger logger, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var started = _time.GetTimestamp();
        string? callId = null;
        SelfTestResult Result(bool success, string message) => new(success, message, _time.GetElapsedTime(started), callId);
        try
        {
            ArgumentNullException.ThrowIfNull(logger);
            using var deadline = new CancellationTokenSource(timeout > TimeSpan.Zero ? timeout : TimeSpan.Zero, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
            callId = TestCallPrefix + Guid.NewGuid().ToString("N")[..16];
            var logged = logger.LogCallSafe(new CallRecord
            {
                CallId = callId,
                CallType = CallType.Arbitrage,
                Sport = "ml_test",
                TeamA = "ML TEST A",
                TeamB = "ML TEST B",
                BookmakerA = TestDataSource,
                BookmakerB = TestDataSource,
                OddsA = 2.0,
                OddsB = 2.0,
                RoiPercent = 0,
                UsersNotified = 0,
                DataSource = TestDataSource,
                AlertSentAt = _time.GetUtcNow(),
            });
            if (!logged.IsAccepted)
            {
                return Result(false, $"The logger did not accept the test call ({logged.Status}{(logged.Status == LogStatus.Rejected ? ": " + logged.Reason : string.Empty)}).");
            }

            var flush = await logger.FlushAsync(timeout - _time.GetElapsedTime(started), linked.Token).ConfigureAwait(false);
            if (!flush.Completed)
            {
                var health = logger.GetHealth();
                return Result(false, string.Create(CultureInfo.InvariantCulture, $"The test call was not written within {timeout.TotalSeconds:0.#} s (logger {health.State}, {flush.Pending} pending, last error: {health.LastError ?? "none"})."));
            }

            var found = await Task.Run(() => RemoveTestCall(callId), linked.Token).ConfigureAwait(false);
            if (!found)
            {
                return Result(false, $"The test call was flushed but is not in table {_names.Plain} of this database: the logger writes somewhere else, or the database file was replaced or deleted.");
            }

            return Result(true, string.Create(CultureInfo.InvariantCulture, $"Test call {callId} written, read back and removed in {_time.GetElapsedTime(started).TotalMilliseconds:0} ms."));
        }
        catch (OperationCanceledException)
        {
            return Result(false, cancellationToken.IsCancellationRequested ? "The self-test was cancelled." : $"The self-test did not finish within {timeout}.");
        }
#pragma warning disable CA1031 // The self-test reports every failure; it never throws into the admin command.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Result(false, $"The self-test failed: {ex.GetType().Name}: {ex.Message}");
        }
    }

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
    /// Streams every call as CSV: a header row with the table's columns exactly (names and order), RFC 4180 quoting,
    /// CRLF line ends, UTF-8 without BOM, timestamps in SQLite's canonical UTC text <c>YYYY-MM-DD HH:MM:SS.SSS</c>
    /// whoever wrote them, NULL as an empty field; ordered by the time of <c>alert_sent_at</c>. Readable by <c>pandas.read_csv</c> as is. Leaves <paramref name="destination"/> open.
    /// Returns the number of rows. Throws when the database cannot be read or on cancellation.
    /// </summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="cancellationToken">Stops the export.</param>
    public Task<long> ExportCsvAsync(Stream destination, CancellationToken cancellationToken = default) =>
        ExportAsync(destination, CallsQuery(), RowExporter.WriteCsvAsync, cancellationToken);

    /// <summary>
    /// Streams every call as JSON Lines: one object per line whose keys are the table's columns, numbers as numbers,
    /// NULL as <c>null</c>, <c>raw_data</c> as the stored JSON text, timestamps as in <see cref="ExportCsvAsync"/>;
    /// ordered by the time of <c>alert_sent_at</c>. Readable by
    /// <c>pandas.read_json(..., lines=True)</c>. Leaves <paramref name="destination"/> open. Returns the number of
    /// rows. Throws when the database cannot be read or on cancellation.
    /// </summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="cancellationToken">Stops the export.</param>
    public Task<long> ExportJsonLinesAsync(Stream destination, CancellationToken cancellationToken = default) =>
        ExportAsync(destination, CallsQuery(), RowExporter.WriteJsonLinesAsync, cancellationToken);

    /// <summary>
    /// Streams the per-user rows as CSV (same format as <see cref="ExportCsvAsync"/>), one row per user and call and
    /// event: columns <c>call_id, user_id, event, event_at, click_count</c>, where <c>event</c> is <c>notified</c>
    /// (<c>event_at</c> = when notified) or <c>clicked</c> (<c>event_at</c> = first click, <c>click_count</c> = every
    /// click of that user). Returns the number of rows. Throws when the database cannot be read or on cancellation.
    /// </summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="cancellationToken">Stops the export.</param>
    public Task<long> ExportUserEventsCsvAsync(Stream destination, CancellationToken cancellationToken = default) =>
        ExportAsync(destination, UserEventsQuery(), RowExporter.WriteCsvAsync, cancellationToken);

    /// <summary>
    /// Streams the per-user rows of <see cref="ExportUserEventsCsvAsync"/> as JSON Lines. Returns the number of rows.
    /// Throws when the database cannot be read or on cancellation.
    /// </summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="cancellationToken">Stops the export.</param>
    public Task<long> ExportUserEventsJsonLinesAsync(Stream destination, CancellationToken cancellationToken = default) =>
        ExportAsync(destination, UserEventsQuery(), RowExporter.WriteJsonLinesAsync, cancellationToken);

    /// <summary>
    /// Deletes, now, the calls older than <see cref="SqliteSinkOptions.RetentionDays"/> (by <c>alert_sent_at</c>)
    /// with their per-user rows, in transactions of <see cref="SqliteSinkOptions.RetentionBatchSize"/> calls; also
    /// operations that waited longer than <see cref="SqliteSinkOptions.PendingOperationTtl"/> for their call and
    /// applied-operation ids older than <see cref="SqliteSinkOptions.AppliedOperationTtl"/> (both also when retention is off). Returns how many calls were deleted; 0 when retention is off. Throws when the
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
            if (!SqliteSchema.TableExists(connection, _names.Plain) || select.ExecuteScalar() is not string source || source != TestDataSource)
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
    private string CallsQuery() =>
        $"SELECT {string.Join(", ", SqliteSchema.Columns.Select(static c => TimeColumns.Contains(c) ? $"{SqliteText.CanonicalSql(c)} AS {c}" : c))} FROM {_names.Calls} ORDER BY {SqliteText.JulianDaySql("alert_sent_at")}, call_id";

    private string UserEventsQuery() => $"""
        SELECT call_id, user_id, event, {SqliteText.CanonicalSql("event_at")} AS event_at, click_count FROM (
            SELECT call_id, user_id, 'notified' AS event, notified_at AS event_at, NULL AS click_count FROM {_names.NotifiedUsers}
            UNION ALL
            SELECT call_id, user_id, 'clicked', first_clicked_at, click_count FROM {_names.Clicks})
        ORDER BY {SqliteText.JulianDaySql("event_at")}, call_id, user_id
        """;

    private async Task<long> ExportAsync(Stream destination, string sql, Func<SqliteDataReader, Stream, CancellationToken, Task<long>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
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
                command.CommandText = sql;
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    return await write(reader, destination, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }
}
