using Microsoft.Extensions.Logging;
using Npgsql;
using SafeCallLogger.Diagnostics;
using SafeCallLogger.Journal;
using SafeCallLogger.PostgreSql.Internal;

namespace SafeCallLogger.PostgreSql;

/// <summary>
/// Stores calls in PostgreSQL, for one bot or a fleet of them writing to one database: the Python bot's
/// <c>arbitrage_calls</c> table, column for column (<c>timestamptz</c>, <c>double precision</c>, <c>jsonb</c>), plus
/// companion tables for per-user rows, operations waiting for their call, applied operation ids, dead letters, stats
/// deltas and the schema version, in <see cref="PostgreSqlSinkOptions.SchemaName"/>.
/// </summary>
/// <remarks>
/// <para>
/// The server is contacted on the first write, not in the constructor. The schema is created or upgraded then, in one
/// transaction under <c>pg_advisory_xact_lock</c>, so any number of processes may start at once.
/// </para>
/// <para>
/// Each batch is one round trip: its operations are sent as typed arrays into a temporary staging table and applied by
/// set-based statements in one implicit transaction, all or nothing, each operation id at most once, the result the
/// same as applying them one by one in logging order. Clicks, results and closing lines on a call not stored yet wait
/// in <c>{table}_pending_ops</c>, shared by the fleet, and are applied when the call arrives, whoever stores it.
/// </para>
/// <para>
/// A refused record (a constraint, a bad value) fails the batch with <see cref="UnstorableOperationException"/> naming
/// it, found by re-running prefixes of the batch in rolled-back transactions; the logger sets it aside and hands it
/// back through <see cref="WriteDeadLettersAsync"/>. Everything else (connection refused, server restart, 08xxx, 40001,
/// 40P01, 53xxx, timeouts) is thrown as it is: the logger retries, opens its circuit and journals (by default in a
/// folder of the application's named after the database, unless <c>Journal.Directory</c> says where). Log lines go
/// through a queue of the sink's own, so a slow or throwing log provider never fails or blocks a write.
/// </para>
/// </remarks>
public sealed class PostgreSqlCallSink : ICallSink, IDeadLetterSink, ICallSinkProbe, IJournalPlacement, IAsyncDisposable
{
    private static readonly TimeSpan LogDrainBudget = TimeSpan.FromSeconds(1);

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly TimeProvider _time;
    private readonly LogPump _logPump = new();
    private readonly SinkMaintenance _maintenance;
    private readonly WriteRunner _runner;
    private readonly string _journalDirectory;
    private long _orphaned;
    private int _disposed;

    /// <summary>
    /// Creates the sink on a data source of its own built from <paramref name="connectionString"/>, with the pool size
    /// and timeouts of <paramref name="options"/> unless the string sets them. Never connects here. Throws
    /// <see cref="ArgumentException"/> when the string is blank or malformed or the options are invalid (every problem listed).
    /// </summary>
    /// <param name="connectionString">An Npgsql connection string, e.g. <c>Host=db;Database=bots;Username=bot;Password=…</c>.</param>
    /// <param name="options">Settings; the default is <see cref="PostgreSqlSinkOptions"/> with its defaults. Copied.</param>
    /// <param name="timeProvider">The clock for timestamps and retention; the default is <see cref="TimeProvider.System"/>.</param>
    /// <param name="loggerFactory">For the sink's log lines; the default logs nothing.</param>
#pragma warning disable RS0026 // The overloads differ in their first parameter's type, so no call can be ambiguous.
    public PostgreSqlCallSink(string connectionString, PostgreSqlSinkOptions? options = null, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
#pragma warning restore RS0026
        : this(CreateDataSource(connectionString, options), ownsDataSource: true, options, timeProvider, loggerFactory)
    {
    }

    /// <summary>
    /// Creates the sink on <paramref name="dataSource"/>, which stays the caller's: it is not disposed with the sink,
    /// and its pool size and timeouts are its own (the writer holds one of its connections). Never connects here.
    /// Throws <see cref="ArgumentException"/> when the options are invalid.
    /// </summary>
    /// <param name="dataSource">The data source to write through.</param>
    /// <param name="options">Settings; the default is <see cref="PostgreSqlSinkOptions"/> with its defaults. Copied.</param>
    /// <param name="timeProvider">The clock for timestamps and retention; the default is <see cref="TimeProvider.System"/>.</param>
    /// <param name="loggerFactory">For the sink's log lines; the default logs nothing.</param>
#pragma warning disable RS0026 // The overloads differ in their first parameter's type, so no call can be ambiguous.
    public PostgreSqlCallSink(NpgsqlDataSource dataSource, PostgreSqlSinkOptions? options = null, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
#pragma warning restore RS0026
        : this(dataSource ?? throw new ArgumentNullException(nameof(dataSource)), ownsDataSource: false, options, timeProvider, loggerFactory)
    {
    }

    private PostgreSqlCallSink(NpgsqlDataSource dataSource, bool ownsDataSource, PostgreSqlSinkOptions? options, TimeProvider? timeProvider, ILoggerFactory? loggerFactory)
    {
        var validated = PostgreSqlSinkOptions.ValidatedCopy(options, nameof(options));
        var names = new PgTableNames(validated.SchemaName, validated.TableName);
        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        _journalDirectory = PgJournalPlacement.Directory(dataSource.ConnectionString, names);
        _time = timeProvider ?? TimeProvider.System;
        var logger = BackgroundLogger.Create(loggerFactory, typeof(PostgreSqlCallSink).FullName!, _logPump);
        _maintenance = new SinkMaintenance(validated, names, logger);
        _runner = new WriteRunner(dataSource, validated, names, logger);
    }

    /// <summary>
    /// Operations on calls never stored that were discarded because <see cref="CallStoreOptions.MaxPendingOperations"/>
    /// were already waiting; counted since the sink was created. Never throws.
    /// </summary>
    public long OrphanedOperations => Interlocked.Read(ref _orphaned);

    /// <summary>
    /// Where the logger keeps its journal for this sink (<see cref="JournalMode.Auto"/> spills to it during an outage):
    /// <c>safecall-pg-{host}-{port}-{database}-{schema}.{table}.journal</c> in the application's folder. Set
    /// <c>Journal.Directory</c> when several processes run from one folder.
    /// </summary>
    string? IJournalPlacement.JournalDirectory => _journalDirectory;

    /// <summary>
    /// Writes the batch in one round trip and one transaction, all or nothing, applying each operation id at most once.
    /// Throws to report failure (the logger retries): the server's or the driver's exception for an outage;
    /// <see cref="UnstorableOperationException"/> naming the operation the server refuses for what it holds;
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> is cancelled, which also
    /// cancels the running statement. Never throws for operations on calls not stored yet.
    /// </summary>
    /// <param name="operations">The batch, in logging order. Copied before the call returns; not kept.</param>
    /// <param name="cancellationToken">Cancelled when the logger's write timeout expires.</param>
    public async ValueTask WriteAsync(IReadOnlyList<CallOperation> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

        // Copied: the logger reuses its list once this returns, and may abandon a write that ignores its token.
        var batch = operations.ToArray();
        var orphaned = await _runner.RunAsync(
            (session, token) => session.WriteAsync(batch, _time.GetUtcNow(), token),
            (session, token) => _maintenance.AfterBatchAsync(session, _time.GetUtcNow(), token),
            cancellationToken).ConfigureAwait(false);
        if (orphaned > 0)
        {
            Interlocked.Add(ref _orphaned, orphaned);
        }
    }

    /// <summary>
    /// Keeps the letters in <c>{table}_dead_letters</c> (operation id, call id, kind, error, the operation as JSON,
    /// when it failed), all or nothing. A letter handed over twice keeps one row. Throws when storage is down (the
    /// logger keeps them and tries again) or on cancellation.
    /// </summary>
    /// <param name="letters">The letters, oldest first. Copied before the call returns; not kept.</param>
    /// <param name="cancellationToken">Cancelled when the logger's write timeout expires.</param>
    public async ValueTask WriteDeadLettersAsync(IReadOnlyList<DeadLetter> letters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(letters);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var copy = letters.ToArray();
        await _runner.RunAsync(
            async (session, token) =>
            {
                await session.WriteDeadLettersAsync(copy, token).ConfigureAwait(false);
                return 0;
            },
            after: null,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Returns when a write would go through now; throws otherwise. Connects (and migrates) when needed, then runs
    /// <c>SELECT 1</c>: it never writes calls.
    /// </summary>
    /// <param name="cancellationToken">Cancelled when the probe takes too long.</param>
    public async ValueTask ProbeAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await _runner.RunAsync(
            async (session, token) =>
            {
                await session.ProbeAsync(token).ConfigureAwait(false);
                return 0;
            },
            after: null,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Cancels a running write (rolled back), lets a waiting one fail, closes the connection and, when the sink built
    /// it, the data source. Never throws; calling it again does nothing.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _runner.CloseAsync().ConfigureAwait(false);
        if (_ownsDataSource)
        {
            try
            {
                await _dataSource.DisposeAsync().ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Disposal never throws.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }

        await _logPump.WhenIdleAsync(LogDrainBudget).ConfigureAwait(false);
    }

    private static NpgsqlDataSource CreateDataSource(string connectionString, PostgreSqlSinkOptions? options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return PgDataSources.Create(connectionString, PostgreSqlSinkOptions.ValidatedCopy(options, nameof(options)));
    }
}
