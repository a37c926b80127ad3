using Microsoft.Extensions.Logging;
using Npgsql;

namespace SafeCallLogger.PostgreSql.Internal;

/// <summary>
/// The writer's connection, held between batches (its staging tables live on it), and the one-round-trip batch:
/// every operation staged with one <c>unnest</c> of typed arrays, then the set-based statements of
/// <see cref="BatchSql"/>, sent together as one <see cref="NpgsqlBatch"/>, which the server runs as one implicit
/// transaction: all or nothing. Not thread-safe: <see cref="WriteRunner"/> serializes its use.
/// </summary>
internal sealed class PgSession : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly PgTableNames _names;
    private readonly PostgreSqlSinkOptions _options;
    private readonly ILogger _logger;
    private readonly string[] _statements;

    // The first discarded operation of this session is a warning; later ones are Debug (and counted by the sink).
    private bool _orphanWarned;

    private PgSession(NpgsqlConnection connection, PgTableNames names, PostgreSqlSinkOptions options, ILogger logger)
    {
        _connection = connection;
        _names = names;
        _options = options;
        _logger = logger;
        _statements =
        [
            StageColumns.InsertSql(), BatchSql.StageUsers, BatchSql.Dedupe, BatchSql.Applied(names), BatchSql.UpsertCalls(names),
            BatchSql.NotifiedUsers(names), BatchSql.TakePending(names), BatchSql.ToPending(names), BatchSql.Clicks(names),
            BatchSql.Results(names), BatchSql.ClosingLines(names),
        ];
    }

    public NpgsqlConnection Connection => _connection;

    /// <summary>Opens a connection, migrates the schema (under the advisory lock) and makes the staging tables. Throws on failure.</summary>
    public static async Task<PgSession> OpenAsync(NpgsqlDataSource dataSource, PgTableNames names, PostgreSqlSinkOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var previous = await PgMigrations.EnsureCreatedAsync(connection, names, cancellationToken).ConfigureAwait(false);
            using (var command = new NpgsqlCommand(StageColumns.CreateTable(), connection))
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            PgLog.Opened(logger, names.SchemaPlain, names.Plain, connection.Host, connection.Database, PgMigrations.CurrentVersion, previous);
            return new PgSession(connection, names, options, logger);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Applies the batch, all or nothing; returns how many operations were orphaned. On a data error, finds the
    /// operation at fault (<see cref="BatchBisection"/>) and throws <see cref="UnstorableOperationException"/> naming
    /// it; any other failure is thrown as it is (an outage).
    /// </summary>
    public async Task<long> WriteAsync(CallOperation[] operations, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(operations, operations.Length, now, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (PgErrors.IsDataError(ex) && !cancellationToken.IsCancellationRequested)
        {
            var fault = await BatchBisection.FindAsync(this, operations, now, cancellationToken).ConfigureAwait(false);
            if (fault is not { } index)
            {
                PgLog.DataErrorNotReproduced(_logger, PgErrors.Describe(ex));
                throw;
            }

            throw new UnstorableOperationException(operations[index.Index].OperationId, PgErrors.Describe(index.Error), index.Error);
        }
    }

    /// <summary>Runs the first <paramref name="count"/> operations inside a transaction that is rolled back; returns the data error they raise, if any.</summary>
    public async Task<Exception?> TryPrefixAsync(CallOperation[] operations, int count, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var transaction = await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            try
            {
                await RunAsync(operations, count, now, cancellationToken).ConfigureAwait(false);
                return null;
            }
            catch (Exception ex) when (PgErrors.IsDataError(ex) && !cancellationToken.IsCancellationRequested)
            {
                return ex;
            }
            finally
            {
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Keeps the letters, all or nothing, in one statement; a letter handed over twice keeps one row with the latest error.</summary>
    public async Task WriteDeadLettersAsync(DeadLetter[] letters, CancellationToken cancellationToken)
    {
        var unique = letters.GroupBy(static l => l.Operation.OperationId).Select(static g => g.Last()).ToArray();
        using var command = new NpgsqlCommand(
            $"""
            INSERT INTO {_names.DeadLetters} (op_id, call_id, kind, error, operation_json, failed_at)
            SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])
            ON CONFLICT (op_id) DO UPDATE SET error = excluded.error, failed_at = excluded.failed_at
            """,
            _connection);
        command.CommandTimeout = TimeoutSeconds;
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = unique.Select(static l => l.Operation.OperationId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = unique.Select(static l => l.Operation.CallId ?? string.Empty).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = unique.Select(static l => l.Operation.Kind.ToString()).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = unique.Select(static l => l.Error ?? string.Empty).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = unique.Select(static l => OperationJson.Serialize(l.Operation)).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<DateTime[]> { TypedValue = unique.Select(static l => l.FailedAt.UtcDateTime).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Throws when the server would not take a write now: one <c>SELECT 1</c> on the held connection. Writes nothing.</summary>
    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand("SELECT 1", _connection);
        command.CommandTimeout = TimeoutSeconds;
        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private int TimeoutSeconds => (int)Math.Ceiling(_options.CommandTimeout.TotalSeconds);

    private async Task<long> RunAsync(CallOperation[] operations, int count, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var batch = new NpgsqlBatch(_connection) { Timeout = TimeoutSeconds };
        await using (batch.ConfigureAwait(false))
        {
            for (var i = 0; i < _statements.Length; i++)
            {
                batch.BatchCommands.Add(new NpgsqlBatchCommand(_statements[i]));
            }

            var stage = batch.BatchCommands[0].Parameters;
            foreach (var column in StageColumns.All)
            {
                stage.Add(column.Parameter(operations, count));
            }

            AddNotifiedUsers(batch.BatchCommands[1].Parameters, operations, count);
            batch.BatchCommands[3].Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = now.UtcDateTime });
            batch.BatchCommands[7].Parameters.Add(new NpgsqlParameter<int> { TypedValue = _options.MaxPendingOperations });

            // Prepared once per connection (Npgsql keeps them by SQL text; later batches skip the parse and plan).
            await batch.PrepareAsync(cancellationToken).ConfigureAwait(false);
            long orphaned = 0;
            var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    orphaned++;
                    LogOrphaned((CallOperationKind)reader.GetInt16(0), reader.GetString(1));
                }

                while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
                {
                }
            }

            return orphaned;
        }
    }

    private static void AddNotifiedUsers(NpgsqlParameterCollection parameters, CallOperation[] operations, int count)
    {
        var positions = new List<long>();
        var users = new List<long>();
        for (var i = 0; i < count; i++)
        {
            if (operations[i] is { Kind: CallOperationKind.UpsertCall, Call.NotifiedUserIds: { Count: > 0 } ids })
            {
                foreach (var user in ids)
                {
                    positions.Add(i);
                    users.Add(user);
                }
            }
        }

        parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. positions] });
        parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. users] });
    }

    private void LogOrphaned(CallOperationKind kind, string callId)
    {
        if (!_orphanWarned)
        {
            _orphanWarned = true;
            PgLog.FirstOrphaned(_logger, kind, callId, _options.MaxPendingOperations);
        }
        else
        {
            PgLog.Orphaned(_logger, kind, callId, _options.MaxPendingOperations);
        }
    }
}
