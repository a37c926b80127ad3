using Microsoft.Extensions.Logging;
using SafeCallLogger.Journal;
using SafeCallLogger.Diagnostics;
using SafeCallLogger.Sqlite.Internal;

namespace SafeCallLogger.Sqlite;

/// <summary>
/// Stores calls in a SQLite database: the Python bot's <c>arbitrage_calls</c> table, column for column, plus companion
/// tables for per-user rows (<c>{table}_notified_users</c>, <c>{table}_clicks</c>), operations waiting for their call
/// (<c>{table}_pending_ops</c>), the ids of applied operations (<c>{table}_applied_ops</c>), operations set aside as
/// unstorable (<c>{table}_dead_letters</c>) and the schema version (<c>{table}_schema</c>).
/// </summary>
/// <remarks>
/// <para>
/// The database is opened on the first write, not in the constructor; the schema is created when missing and an
/// older file is upgraded in place. <c>PRAGMA user_version</c> is never written: it belongs to the host application.
/// The journal is switched to WAL so that readers (the sqlite3 shell, a Python job, <see cref="SqliteCallStore"/>)
/// never block the writer. A relative <c>Data Source</c> is resolved against <see cref="AppContext.BaseDirectory"/>.
/// </para>
/// <para>
/// Each batch is one <c>BEGIN IMMEDIATE</c> transaction of prepared statements reused across batches, run off the
/// caller's thread; cancelling the token interrupts the running statement (<c>sqlite3_interrupt</c>). When another
/// connection holds the lock, SQLite waits up to <see cref="SqliteSinkOptions.BusyTimeout"/>, then the batch is retried
/// with backoff up to <see cref="SqliteSinkOptions.LockRetryCount"/> times before the write throws and the logger's
/// own retry takes over. Each operation id is applied at most once. Clicks, results and closing lines on a call not
/// stored yet wait in <c>{table}_pending_ops</c> and are applied when the call arrives, whoever stores it; that is
/// never an error. An operation the table refuses for what it holds (a constraint, a type) fails the batch with
/// <see cref="UnstorableOperationException"/>; the logger sets it aside and hands it back through
/// <see cref="WriteDeadLettersAsync"/>. When the database file is deleted or replaced under the sink, the write throws
/// <see cref="StorageReplacedException"/> after reopening the file at the configured path, and the logger writes the
/// batch again there.
/// </para>
/// <para>
/// After a successful batch, at most once a day by the injected <see cref="TimeProvider"/>, rows older than
/// <see cref="CallStoreOptions.RetentionDays"/> are deleted in small transactions; when
/// <see cref="SqliteSinkOptions.BackupDirectory"/> is set, a backup is started off the writer when due. Neither ever
/// fails a write. Log lines go through a queue of the sink's own, so a slow or throwing log provider never fails or
/// blocks an open, a batch or the disposal.
/// </para>
/// </remarks>
public sealed class SqliteCallSink : ICallSink, IDeadLetterSink, ICallSinkProbe, IJournalPlacement, IAsyncDisposable
{
    // How long disposal waits for the sink's last log lines to reach a provider; a blocked provider keeps them.
    private static readonly TimeSpan LogDrainBudget = TimeSpan.FromSeconds(1);

    private readonly string _connectionString;
    private readonly SqliteSinkOptions _options;
    private readonly TableNames _names;
    private readonly TimeProvider _time;
    private readonly LogPump _logPump = new();
    private readonly ILogger _logger;
    private readonly SinkMaintenance _maintenance;
    private readonly SessionRunner _runner;
    private long _orphaned;
    private int _disposed;

    /// <summary>
    /// Creates the sink. Never opens the database here, so a missing or locked file cannot break the bot's startup;
    /// problems surface as failed writes that the logger retries and reports. Throws <see cref="ArgumentException"/>
    /// when <paramref name="connectionString"/> is blank or malformed, or <paramref name="options"/> are invalid (every
    /// problem listed).
    /// </summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string, e.g. <c>Data Source=arbitrage_bot.db</c>; a relative path is resolved against <see cref="AppContext.BaseDirectory"/>, not the working directory.</param>
    /// <param name="options">Settings; the default is <see cref="SqliteSinkOptions"/> with its defaults. Copied: later changes have no effect.</param>
    /// <param name="timeProvider">The clock for timestamps, retention and backups; the default is <see cref="TimeProvider.System"/>.</param>
    /// <param name="loggerFactory">For the sink's log lines; the default logs nothing.</param>
    public SqliteCallSink(string connectionString, SqliteSinkOptions? options = null, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _options = SqliteSinkOptions.ValidatedCopy(options, nameof(options));
        _connectionString = SqliteConnections.ResolveDataSource(connectionString);
        _names = new TableNames(_options.TableName);
        _time = timeProvider ?? TimeProvider.System;
        _logger = BackgroundLogger.Create(loggerFactory, typeof(SqliteCallSink).FullName!, _logPump);
        _maintenance = new SinkMaintenance(_connectionString, _options, _names, _logger);
        _runner = new SessionRunner(_connectionString, _options, _names, _time, _logger);
    }

    /// <summary>
    /// Operations on calls never stored that were discarded because <see cref="CallStoreOptions.MaxPendingOperations"/>
    /// were already waiting; counted since the sink was created. Never throws.
    /// </summary>
    public long OrphanedOperations => Interlocked.Read(ref _orphaned);

    /// <summary>
    /// How many times the sink found its database file deleted or replaced under it and reopened the file at the
    /// configured path (each also logged as a warning, event 111); counted since the sink was created. Never throws.
    /// </summary>
    public long StorageReplacements => _runner.Replaced;

    /// <summary>
    /// Where the logger keeps its journal for this sink (<see cref="JournalMode.Auto"/> spills to it): a folder named
    /// after the database file with <c>.journal</c> added, beside it. None for an in-memory database or a
    /// <c>file:</c> URI or <c>|DataDirectory|</c> path.
    /// </summary>
    string? IJournalPlacement.JournalDirectory
    {
        get
        {
            var source = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(_connectionString).DataSource;
            if (source.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || source.StartsWith('|'))
            {
                return null;
            }

            return SqliteConnections.DataSourcePath(_connectionString) is { } path ? path + ".journal" : null;
        }
    }

    /// <summary>The running or last scheduled backup, for tests; completes without throwing.</summary>
    internal Task BackupTask => _maintenance.Backups?.Running ?? Task.CompletedTask;

    /// <summary>
    /// Writes the batch in one transaction, all or nothing, applying each operation id at most once, off the
    /// caller's thread. Throws to report failure (the logger retries): when the database stays locked past the lock
    /// retries or cannot be opened; <see cref="UnstorableOperationException"/> naming the operation the table refuses
    /// for what it holds; <see cref="StorageReplacedException"/> when the file was deleted or replaced (the sink has
    /// reopened it: write the batch again); <see cref="OperationCanceledException"/> when
    /// <paramref name="cancellationToken"/> is cancelled, which also interrupts a running statement. Never throws for
    /// operations on calls not stored yet.
    /// </summary>
    /// <param name="operations">The batch, in logging order. Copied before the call returns; not kept.</param>
    /// <param name="cancellationToken">Cancelled when the logger's write timeout expires.</param>
    public ValueTask WriteAsync(IReadOnlyList<CallOperation> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

        // Copied: the work runs on after this returns if the logger abandons it, and the logger reuses its list.
        var batch = operations.ToArray();
        return _runner.RunAsync(
            (session, token) => session.Write(batch, _time.GetUtcNow(), token),
            (session, orphaned, token) =>
            {
                if (orphaned > 0)
                {
                    Interlocked.Add(ref _orphaned, orphaned);
                }

                _maintenance.AfterBatch(session, _time.GetUtcNow(), token);
            },
            cancellationToken);
    }

    /// <summary>
    /// Keeps the letters in <c>{table}_dead_letters</c> (operation id, call id, kind, error, the operation as JSON,
    /// when it failed), all or nothing, off the caller's thread. A letter handed over twice keeps one row. Read and
    /// replay them with <see cref="SqliteCallStore.GetDeadLettersAsync"/> and <see cref="SqliteCallStore.ReplayDeadLettersAsync"/>.
    /// Throws when storage is down (the logger keeps them and tries again) or on cancellation.
    /// </summary>
    /// <param name="letters">The letters, oldest first. Copied before the call returns; not kept.</param>
    /// <param name="cancellationToken">Cancelled when the logger's write timeout expires.</param>
    public ValueTask WriteDeadLettersAsync(IReadOnlyList<DeadLetter> letters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(letters);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var copy = letters.ToArray();
        return _runner.RunAsync(
            (session, token) =>
            {
                session.WriteDeadLetters(copy, token);
                return 0;
            },
            after: null,
            cancellationToken);
    }

    /// <summary>
    /// Returns when a write would go through now; throws otherwise. Opens the database when needed, then takes the
    /// write lock without waiting and releases it at once (<c>BEGIN IMMEDIATE</c> with a zero busy timeout, then
    /// <c>ROLLBACK</c>): it never writes calls and never waits for a lock. Off the caller's thread.
    /// </summary>
    /// <param name="cancellationToken">Cancelled when the probe takes too long.</param>
    public ValueTask ProbeAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return _runner.ProbeAsync(cancellationToken);
    }

    /// <summary>
    /// Stops a running write (interrupted, rolled back), lets a waiting one fail, waits for a running backup, then
    /// closes the connection. No write runs on the connection once it is closed. Never throws; calling it again does
    /// nothing.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _runner.CloseAsync().ConfigureAwait(false);
        if (_maintenance.Backups is { } backups)
        {
            await backups.Running.ConfigureAwait(false);
        }

        await _logPump.WhenIdleAsync(LogDrainBudget).ConfigureAwait(false);
    }
}
