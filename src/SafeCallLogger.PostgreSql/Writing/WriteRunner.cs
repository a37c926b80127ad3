using Microsoft.Extensions.Logging;
using Npgsql;

namespace SafeCallLogger.PostgreSql.Internal;

/// <summary>
/// Owns the sink's <see cref="PgSession"/> and is the only way to use it: one piece of work at a time (a gate), the
/// session opened on first use and dropped after any failure that is not the data's (the next write opens a fresh
/// connection, so a restarted server or a killed backend costs one failed write), and a close that no running or
/// waiting work outlives. Cancelling a write's token cancels the running statement on the server (Npgsql sends a
/// cancel request), and the connection is then dropped.
/// </summary>
internal sealed class WriteRunner
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgreSqlSinkOptions _options;
    private readonly PgTableNames _names;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private PgSession? _session;
    private int _closed;

    public WriteRunner(NpgsqlDataSource dataSource, PostgreSqlSinkOptions options, PgTableNames names, ILogger logger)
    {
        _dataSource = dataSource;
        _options = options;
        _names = names;
        _logger = logger;
    }

    /// <summary>Runs <paramref name="work"/> on the session, under the gate; <paramref name="after"/> runs only when it succeeded and never fails the work.</summary>
    public async ValueTask<T> RunAsync<T>(
        Func<PgSession, CancellationToken, Task<T>> work,
        Func<PgSession, CancellationToken, Task>? after,
        CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closing.Token);
        var token = linked.Token;
        await _gate.WaitAsync(token).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _closed) != 0, typeof(PostgreSqlCallSink));
            try
            {
                var session = _session ??= await PgSession.OpenAsync(_dataSource, _names, _options, _logger, token).ConfigureAwait(false);
                var result = await work(session, token).ConfigureAwait(false);
                if (after is not null)
                {
                    await after(session, token).ConfigureAwait(false);
                }

                return result;
            }
            catch (UnstorableOperationException ex)
            {
                // The connection is fine (the probes rolled back): only that operation is at fault.
                PgLog.Unstorable(_logger, ex.OperationId, ex.Message);
                throw;
            }
            catch (Exception ex)
            {
                // After a cancelled, timed-out or failed statement, a fresh connection is the one known state.
                PgLog.WriteFailed(_logger, PgErrors.Describe(ex));
                await CloseSessionAsync().ConfigureAwait(false);
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Interrupts a running write, lets waiting ones fail, then closes the session. Never throws; the caller makes sure it runs once.</summary>
    public async Task CloseAsync()
    {
        Volatile.Write(ref _closed, 1);
        try
        {
            await _closing.CancelAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Disposal never throws; a cancel that fails leaves the write to finish on its own.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            await CloseSessionAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task CloseSessionAsync()
    {
        if (_session is not { } session)
        {
            return;
        }

        _session = null;
        try
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Closing a broken connection may fail; it is gone either way.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
