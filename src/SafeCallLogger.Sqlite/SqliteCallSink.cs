using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SafeCallLogger.Sqlite.Internal;

namespace SafeCallLogger.Sqlite;

/// <summary>
/// Stores calls in a SQLite database: the seed's <c>arbitrage_calls</c> table, column for column, plus companion
/// tables for per-user rows (<c>{table}_notified_users</c>, <c>{table}_clicks</c>), operations waiting for their call
/// (<c>{table}_pending_ops</c>) and the ids of applied operations (<c>{table}_applied_ops</c>).
/// </summary>
/// <remarks>
/// <para>
/// The database is opened on the first write, not in the constructor; the schema is created when missing and an
/// older file is upgraded in place (<c>PRAGMA user_version</c>). The journal is switched to WAL so that readers (the
/// sqlite3 shell, a Python job, <see cref="SqliteCallStore"/>) never block the writer.
/// </para>
/// <para>
/// Each batch is one <c>BEGIN IMMEDIATE</c> transaction of prepared statements reused across batches. When another
/// connection holds the lock, SQLite waits up to <see cref="SqliteSinkOptions.BusyTimeout"/>, then the batch is retried
/// with backoff up to <see cref="SqliteSinkOptions.LockRetryCount"/> times before the write throws and the logger's
/// own retry takes over. Each operation id is applied at most once. Clicks, results and closing lines on a call not
/// stored yet wait in <c>{table}_pending_ops</c> and are applied when the call arrives; that is never an error.
/// <c>clv_a</c> = (<c>odds_a_decimal</c> / <c>closing_line_a</c> − 1) × 100, likewise for B
/// (<see cref="Odds.ClosingLineValuePercent"/>).
/// </para>
/// <para>
/// After a successful batch, at most once a day by the injected <see cref="TimeProvider"/>, rows older than
/// <see cref="SqliteSinkOptions.RetentionDays"/> are deleted in small transactions (a large backlog is worked off
/// over the following batches, 20 transactions at a time); when
/// <see cref="SqliteSinkOptions.BackupDirectory"/> is set, a backup is started off the writer when due.
/// Neither ever fails a write.
/// </para>
/// </remarks>
public sealed class SqliteCallSink : ICallSink, IAsyncDisposable
{
    private static readonly TimeSpan RetentionInterval = TimeSpan.FromDays(1);

    // One run deletes at most this many transactions of calls; a backlog (a first run on an old file) is worked off
    // over the following batches instead of stalling one write.
    private const int RetentionBatchesPerRun = 20;

    private readonly string _connectionString;
    private readonly SqliteSinkOptions _options;
    private readonly TableNames _names;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly BackupSchedule? _backups;
    private readonly Schema.TimestampUpgradeRunner _timestampUpgrade = new();
    private SinkSession? _session;
    private DateTimeOffset? _lastRetention;
    private long _orphaned;
    private int _disposed;

    /// <summary>
    /// Creates the sink. Never opens the database here, so a missing or locked file cannot break the bot's startup;
    /// problems surface as failed writes that the logger retries and reports. Throws <see cref="ArgumentException"/>
    /// when <paramref name="connectionString"/> is blank or malformed, or <paramref name="options"/> are invalid (every
    /// problem listed).
    /// </summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string, e.g. <c>Data Source=arbitrage_bot.db</c>.</param>
    /// <param name="options">Settings; the default is <see cref="SqliteSinkOptions"/> with its defaults. Copied: later changes have no effect.</param>
    /// <param name="timeProvider">The clock for timestamps, retention and backups; the default is <see cref="TimeProvider.System"/>.</param>
    /// <param name="loggerFactory">For the sink's log lines; the default logs nothing.</param>
    public SqliteCallSink(string connectionString, SqliteSinkOptions? options = null, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _options = SqliteSinkOptions.ValidatedCopy(options, nameof(options));
        _ = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        _connectionString = connectionString;
        _names = new TableNames(_options.TableName);
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)loggerFactory?.CreateLogger<SqliteCallSink>() ?? NullLogger.Instance;
        if (_options.BackupDirectory is not null)
        {
            _backups = new BackupSchedule(connectionString, _options, _logger);
        }
    }

    /// <summary>
    /// Operations on calls never stored that were discarded because <see cref="SqliteSinkOptions.MaxPendingOperations"/>
    /// were already waiting; counted since the sink was created. Never throws.
    /// </summary>
    public long OrphanedOperations => Interlocked.Read(ref _orphaned);

    /// <summary>The running or last scheduled backup, for tests; completes without throwing.</summary>
    internal Task BackupTask => _backups?.Running ?? Task.CompletedTask;

    /// <summary>
    /// Writes the batch in one transaction, all or nothing, applying each operation id at most once. Throws to
    /// report failure (the logger retries): when the database stays locked past the lock retries, cannot be opened,
    /// or <paramref name="cancellationToken"/> is cancelled. Never throws for operations on calls not stored yet.
    /// </summary>
    /// <param name="operations">The batch, in logging order. Not kept after returning.</param>
    /// <param name="cancellationToken">Cancelled when the logger's write timeout expires.</param>
    public async ValueTask WriteAsync(IReadOnlyList<CallOperation> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await WriteWithRetryAsync(operations, cancellationToken).ConfigureAwait(false);
            RunMaintenance(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Waits for a running backup, then closes the connection. Never throws; calling it again does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_backups is not null)
        {
            await _backups.Running.ConfigureAwait(false);
        }

        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            _session?.Dispose();
            _session = null;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task WriteWithRetryAsync(IReadOnlyList<CallOperation> operations, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                _session ??= SinkSession.Open(_connectionString, _options, _names, _logger);
                var orphaned = _session.Write(operations, _time.GetUtcNow(), cancellationToken);
                if (orphaned > 0)
                {
                    Interlocked.Add(ref _orphaned, orphaned);
                }

                return;
            }
            catch (Exception ex) when (SqliteErrors.IsBusy(ex) && attempt < _options.LockRetryCount)
            {
                var delay = Backoff(attempt);
                SqliteLog.BusyRetry(_logger, attempt + 1, _options.LockRetryCount, delay);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && !SqliteErrors.IsBusy(ex))
            {
                // The file may have been deleted, replaced or corrupted: start from a fresh connection next time.
                SqliteLog.WriteFailed(_logger, ex);
                _session?.Dispose();
                _session = null;
                throw;
            }
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var ticks = _options.LockRetryBaseDelay.Ticks * Math.Pow(2, Math.Min(attempt, 30));
        return ticks >= _options.LockRetryMaxDelay.Ticks ? _options.LockRetryMaxDelay : TimeSpan.FromTicks((long)ticks);
    }

    private void RunMaintenance(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        _backups?.StartIfDue(now);
        _timestampUpgrade.RunAfterBatch(_session?.Connection, _names, _options, now, _logger, cancellationToken);
        if (_session is null || (_lastRetention is { } last && now - last < RetentionInterval))
        {
            return;
        }

        _lastRetention = now;
        try
        {
            var deleted = Retention.Run(_session.Connection, _names, _options, now, cancellationToken, out var finished, RetentionBatchesPerRun);
            if (!finished)
            {
                // More may remain: run again after the next batch rather than tomorrow.
                _lastRetention = null;
            }

            if (deleted > 0)
            {
                SqliteLog.RetentionDone(_logger, deleted, SqliteText.Timestamp(now - TimeSpan.FromDays(_options.RetentionDays)));
            }
        }
#pragma warning disable CA1031 // The batch is committed; retention trouble must not make the logger retry it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            SqliteLog.RetentionFailed(_logger, ex);
        }
    }
}
