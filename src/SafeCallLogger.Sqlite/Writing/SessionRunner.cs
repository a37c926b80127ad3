using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// Owns the sink's <see cref="SinkSession"/> and is the only way to use it: one piece of work at a time (a gate),
/// off the caller's thread, with the lock retries, the interrupt wired to the token, the check that the file written
/// is still the one at the configured path, and a close that no running or waiting work can outlive.
/// </summary>
internal sealed class SessionRunner
{
    private readonly string _connectionString;
    private readonly SqliteSinkOptions _options;
    private readonly TableNames _names;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private SinkSession? _session;
    private long _replaced;

    // The path of a file the probe found moved and replaced: the next write reports it, as a probe cannot.
    private string? _replacedUnreported;
    private int _closed;

    public SessionRunner(string connectionString, SqliteSinkOptions options, TableNames names, TimeProvider time, ILogger logger)
    {
        _connectionString = connectionString;
        _options = options;
        _names = names;
        _time = time;
        _logger = logger;
    }

    /// <summary>How many times the file was found deleted or replaced and reopened at the path.</summary>
    public long Replaced => Interlocked.Read(ref _replaced);

    /// <summary>
    /// Runs <paramref name="work"/> on the session, under the gate, off the caller, with the lock retries, the check
    /// that the file is still the one at its path (before the work and after its commit), and the interrupt wired to
    /// the token. <paramref name="after"/> runs only when the work went to the file at the path.
    /// </summary>
    public ValueTask RunAsync(
        Func<SinkSession, CancellationToken, long> work,
        Action<SinkSession, long, CancellationToken>? after,
        CancellationToken cancellationToken) =>
        new(Task.Run(() => RunCoreAsync(work, after, cancellationToken), cancellationToken));

    private async Task RunCoreAsync(
        Func<SinkSession, CancellationToken, long> work,
        Action<SinkSession, long, CancellationToken>? after,
        CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closing.Token);
        var token = linked.Token;
        await _gate.WaitAsync(token).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _closed) != 0, typeof(SqliteCallSink));
            for (var attempt = 0; ; attempt++)
            {
                token.ThrowIfCancellationRequested();
                try
                {
                    var session = _session ??= SinkSession.Open(_connectionString, _options, _names, _logger);
                    ThrowIfMoved(session);
                    if (Interlocked.Exchange(ref _replacedUnreported, null) is { } replaced)
                    {
                        throw new StorageReplacedException(
                            $"The database file {replaced} was deleted or replaced under the sink; a new one was created at the configured path: write the batch again.");
                    }

                    var result = RunInterruptible(session, work, token);
                    ThrowIfMoved(session);
                    after?.Invoke(session, result, token);
                    return;
                }
                catch (Exception ex) when (SqliteErrors.IsBusy(ex) && attempt < _options.LockRetryCount)
                {
                    var delay = Backoff(attempt);
                    SqliteLog.BusyRetry(_logger, attempt + 1, _options.LockRetryCount, delay);
                    await Task.Delay(delay, _time, token).ConfigureAwait(false);
                }
                catch (UnstorableOperationException ex)
                {
                    // The connection is fine: only that operation is at fault.
                    SqliteLog.Unstorable(_logger, ex.OperationId, ex.Message);
                    throw;
                }
                catch (Exception ex) when (ex is not OperationCanceledException and not StorageReplacedException && !SqliteErrors.IsBusy(ex))
                {
                    // A write that failed because its file was deleted under it (an I/O error on the unlinked -wal)
                    // is the replaced-storage case, to be said as such; anything else starts from a fresh connection.
                    if (_session is { } failed)
                    {
                        ThrowIfMoved(failed);
                    }

                    SqliteLog.WriteFailed(_logger, ex.Message);
                    CloseSession(clearPool: true);
                    throw;
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private static long RunInterruptible(SinkSession session, Func<SinkSession, CancellationToken, long> work, CancellationToken token)
    {
        // Disposed before the session can be: the registration's Dispose waits for a running interrupt callback.
        using var interrupt = token.UnsafeRegister(static s => ((SinkSession)s!).Interrupt(), session);
        return work(session, token);
    }

    /// <summary>Throws when a write would not go through now; see <see cref="SqliteCallSink.ProbeAsync"/>.</summary>
    public ValueTask ProbeAsync(CancellationToken cancellationToken) =>
        new(Task.Run(() => ProbeCoreAsync(cancellationToken), cancellationToken));

    /// <summary>
    /// Interrupts a running write, lets waiting ones fail, then closes the session once no work holds it. Never
    /// throws. The caller makes sure it runs once.
    /// </summary>
    public async Task CloseAsync()
    {
        Volatile.Write(ref _closed, 1);
        try
        {
            await _closing.CancelAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Disposal never throws; an interrupt that fails leaves the write to finish on its own.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            CloseSession(clearPool: false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task ProbeCoreAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closing.Token);
        await _gate.WaitAsync(linked.Token).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _closed) != 0, typeof(SqliteCallSink));
            var session = _session ??= SinkSession.Open(_connectionString, _options, _names, _logger);
            if (session.HasMoved())
            {
                // Nothing to write again here: reopen and probe the file now at the path; the next write says what
                // happened (the logger alerts on it), since a probe's failure is never reported.
                var path = session.Connection.DataSource;
                session = Reopen(session, out _) ?? throw new StorageReplacedException("The database file was deleted or replaced and could not be created again.");
                Volatile.Write(ref _replacedUnreported, path);
            }

            try
            {
                session.Probe();
            }
            catch (Exception ex) when (!SqliteErrors.IsBusy(ex))
            {
                CloseSession(clearPool: true);
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Throws <see cref="StorageReplacedException"/>, after reopening at the configured path, when the session's file is gone from it.</summary>
    private void ThrowIfMoved(SinkSession session)
    {
        if (!session.HasMoved())
        {
            return;
        }

        var path = session.Connection.DataSource;
        Reopen(session, out var reopenError);
        throw new StorageReplacedException(
            $"The database file {path} was deleted or replaced under the sink; {(reopenError is null ? "a new one was created at the configured path" : "creating a new one failed")}: write the batch again.",
            reopenError);
    }

    private SinkSession? Reopen(SinkSession moved, out Exception? error)
    {
        var path = moved.Connection.DataSource;
        CloseSession(clearPool: true);
        Interlocked.Increment(ref _replaced);
        SqliteLog.StorageReplaced(_logger, path);
        try
        {
            error = null;
            return _session = SinkSession.Open(_connectionString, _options, _names, _logger);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            SqliteLog.WriteFailed(_logger, ex.Message);
            error = ex;
            return null;
        }
    }

    private void CloseSession(bool clearPool)
    {
        if (_session is not { } session)
        {
            return;
        }

        // A pooled connection would hand the next open the same, possibly deleted, file.
        if (clearPool)
        {
            SqliteConnection.ClearPool(session.Connection);
        }

        session.Dispose();
        _session = null;
    }

    private TimeSpan Backoff(int attempt) =>
        SafeCallLogger.Writing.RetrySchedule.Exponential(_options.LockRetryBaseDelay, _options.LockRetryMaxDelay, attempt + 1);
}
