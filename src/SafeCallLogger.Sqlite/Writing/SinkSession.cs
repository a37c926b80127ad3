using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// The sink's open connection and its prepared commands, reused for every batch. Applies one batch in one
/// transaction with the same rules as <see cref="InMemoryCallSink"/>. Not thread-safe: the owner serializes its use,
/// except <see cref="Interrupt"/>, which may be called from any thread while the session is open.
/// </summary>
internal sealed class SinkSession : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly ILogger _logger;
    private readonly int _maxPending;
    private readonly PreparedCommands _commands;
    private readonly SqliteCommand _markApplied;
    private readonly CallInserts _inserts;
    private readonly CallUpdates _updates;
    private readonly PendingOperations _pending;
    private readonly DeadLetterRows _deadLetters;
    private readonly int _busyTimeoutMs;

    // Rows in the pending table as far as this session knows (other processes may add or consume some); only used to cap growth.
    private long _pendingCount;

    // The first discarded operation of this connection is a warning; later ones are Debug (and counted by the sink).
    private bool _orphanWarned;

    private SinkSession(SqliteConnection connection, TableNames t, SqliteSinkOptions options, ILogger logger)
    {
        _connection = connection;
        _logger = logger;
        _maxPending = options.MaxPendingOperations;
        _busyTimeoutMs = (int)Math.Min(int.MaxValue, options.BusyTimeout.TotalMilliseconds);
        _commands = new PreparedCommands(connection);
        _markApplied = _commands.Prepare($"INSERT OR IGNORE INTO {t.AppliedOps} (op_id, applied_at) VALUES ($op, $at)", "$op", "$at");
        _inserts = new CallInserts(_commands, t);
        _updates = new CallUpdates(_commands, t);
        _pending = new PendingOperations(_commands, t, _updates, logger);
        _deadLetters = new DeadLetterRows(_commands, t);
        _pendingCount = _pending.Count();
    }

    public SqliteConnection Connection => _connection;

    /// <summary>Opens the database, creates or upgrades the schema, and prepares every command. Throws on failure.</summary>
    public static SinkSession Open(string connectionString, SqliteSinkOptions options, TableNames names, ILogger logger)
    {
        var connection = SqliteConnections.Open(connectionString, options.BusyTimeout, enableWal: true);
        try
        {
            SchemaMigrations.EnsureCreated(connection, names);
            SqliteLog.Opened(logger, names.Plain, connection.DataSource, SchemaMigrations.ReadVersion(connection, names));
            return new SinkSession(connection, names, options, logger);
        }
        catch
        {
            SqliteConnections.Discard(connection);
            throw;
        }
    }

    /// <summary><see langword="true"/> when the file this session writes is no longer the one at its path (deleted, renamed, replaced). Never throws.</summary>
    public bool HasMoved() => NativeSqlite.HasMoved(_connection);

    /// <summary>Stops the running statement; the write then fails with SQLITE_INTERRUPT and rolls back.</summary>
    public void Interrupt() => NativeSqlite.Interrupt(_connection);

    /// <summary>
    /// Applies the batch in one transaction; returns how many operations were orphaned. Throws (and rolls back) on
    /// failure or cancellation: <see cref="UnstorableOperationException"/> naming the operation when the failure is
    /// that operation's own (<see cref="SqliteErrors.IsUnstorable"/>), the storage error otherwise.
    /// </summary>
    public long Write(IReadOnlyList<CallOperation> operations, DateTimeOffset now, CancellationToken cancellationToken) =>
        Apply(operations, now, replayedLetter: null, cancellationToken);

    /// <summary>
    /// Applies a dead letter's operation through the same path as <see cref="Write"/> and deletes the letter, in one
    /// transaction. Throws <see cref="UnstorableOperationException"/> when it is still refused.
    /// </summary>
    public void Replay(CallOperation operation, DateTimeOffset now, CancellationToken cancellationToken) =>
        Apply([operation], now, replayedLetter: operation.OperationId, cancellationToken);

    /// <summary>Keeps the letters in <c>{table}_dead_letters</c>, all or nothing. Throws on failure.</summary>
    public void WriteDeadLetters(IReadOnlyList<DeadLetter> letters, CancellationToken cancellationToken)
    {
        using var transaction = _connection.BeginTransaction(deferred: false);
        _commands.Enlist(transaction);
        foreach (var letter in letters)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _deadLetters.Insert(letter);
        }

        cancellationToken.ThrowIfCancellationRequested();
        transaction.Commit();
    }

    /// <summary>
    /// Throws when a write would not go through now: takes the write lock without waiting (<c>BEGIN IMMEDIATE</c> with
    /// a zero busy timeout, bypassing the driver's own busy loop) and releases it at once. Writes nothing.
    /// </summary>
    public void Probe()
    {
        var handle = _connection.Handle!;
        SQLitePCL.raw.sqlite3_busy_timeout(handle, 0);
        try
        {
            var rc = SQLitePCL.raw.sqlite3_exec(handle, "BEGIN IMMEDIATE");
            SqliteException.ThrowExceptionForRC(rc, handle);
            rc = SQLitePCL.raw.sqlite3_exec(handle, "ROLLBACK");
            SqliteException.ThrowExceptionForRC(rc, handle);
        }
        finally
        {
            SQLitePCL.raw.sqlite3_busy_timeout(handle, _busyTimeoutMs);
        }
    }

    public void Dispose()
    {
        _commands.Dispose();
        _connection.Dispose();
    }

    private long Apply(IReadOnlyList<CallOperation> operations, DateTimeOffset now, Guid? replayedLetter, CancellationToken cancellationToken)
    {
        try
        {
            return ApplyInTransaction(operations, now, replayedLetter, cancellationToken);
        }
        catch (SqliteException ex) when (SqliteErrors.IsInterrupt(ex) && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The write was cancelled while SQLite ran it.", ex, cancellationToken);
        }
    }

    private long ApplyInTransaction(IReadOnlyList<CallOperation> operations, DateTimeOffset now, Guid? replayedLetter, CancellationToken cancellationToken)
    {
        var nowText = SqliteText.Timestamp(now);
        long orphaned = 0;
        var recounted = false;
        using var transaction = _connection.BeginTransaction(deferred: false);
        _commands.Enlist(transaction);

        // Read from the file, not from this session's count, so rows queued by another process are seen; the
        // immediate transaction holds the write lock, so nobody else can add one until it commits.
        var anyPending = _pending.Any();
        var pendingCount = _pendingCount;
        if (anyPending)
        {
            pendingCount -= _pending.ApplyStoredByOthers(transaction);
        }

        foreach (var operation in operations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                if (!MarkApplied(operation.OperationId, nowText))
                {
                    continue;
                }

                if (operation.Kind == CallOperationKind.UpsertCall)
                {
                    // Looked up (by the call_id index) for every new call whenever the file holds any pending row, whoever wrote it.
                    if (_inserts.Upsert(operation) && anyPending)
                    {
                        pendingCount -= _pending.ApplyFor(operation.CallId);
                    }
                }
                else if (!_updates.Apply(operation))
                {
                    if (pendingCount >= _maxPending && !recounted)
                    {
                        // The count is an estimate (retention and other processes delete pending rows): check before discarding.
                        pendingCount = _pending.Count();
                        recounted = true;
                    }

                    if (pendingCount >= _maxPending)
                    {
                        orphaned++;
                        LogOrphaned(operation);
                    }
                    else
                    {
                        _pending.Insert(operation);
                        pendingCount++;
                        anyPending = true;
                    }
                }
            }
            catch (Exception ex) when (SqliteErrors.IsUnstorable(ex))
            {
                // The transaction rolls back on dispose: nothing of this batch is kept, and the writer writes the
                // rest again without this operation.
                throw new UnstorableOperationException(operation.OperationId, SqliteErrors.Describe(ex), ex);
            }
        }

        if (replayedLetter is { } letter)
        {
            _deadLetters.Delete(letter);
        }

        cancellationToken.ThrowIfCancellationRequested();
        transaction.Commit();
        _commands.Enlist(null);
        _pendingCount = Math.Max(0, pendingCount);
        return orphaned;
    }

    private void LogOrphaned(in CallOperation operation)
    {
        if (!_orphanWarned)
        {
            _orphanWarned = true;
            SqliteLog.FirstOrphaned(_logger, operation.Kind, operation.CallId, _maxPending);
        }
        else
        {
            SqliteLog.Orphaned(_logger, operation.Kind, operation.CallId, _maxPending);
        }
    }

    private bool MarkApplied(Guid operationId, string nowText)
    {
        _markApplied.Parameters[0].Value = operationId.ToByteArray();
        _markApplied.Parameters[1].Value = nowText;
        return _markApplied.ExecuteNonQuery() == 1;
    }
}
