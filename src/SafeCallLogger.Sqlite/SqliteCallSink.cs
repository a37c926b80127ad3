using Microsoft.Extensions.Logging;

namespace SafeCallLogger.Sqlite;

/// <summary>
/// Stores calls in a SQLite database: the seed's <c>arbitrage_calls</c> table plus per-user companion tables.
/// </summary>
public sealed class SqliteCallSink : ICallSink, IAsyncDisposable
{
    /// <summary>Creates the sink. Never opens the database here.</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string.</param>
    /// <param name="options">Settings; the default is <see cref="SqliteSinkOptions"/> with its defaults.</param>
    /// <param name="timeProvider">The clock; the default is <see cref="TimeProvider.System"/>.</param>
    /// <param name="loggerFactory">For the sink's log lines; the default logs nothing.</param>
    public SqliteCallSink(string connectionString, SqliteSinkOptions? options = null, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _ = SqliteSinkOptions.ValidatedCopy(options, nameof(options));
        _ = timeProvider;
        _ = loggerFactory;
    }

    /// <summary>Operations on calls never stored that were discarded because <see cref="SqliteSinkOptions.MaxPendingOperations"/> was reached.</summary>
    public long OrphanedOperations => 0;

    /// <inheritdoc/>
    public ValueTask WriteAsync(IReadOnlyList<CallOperation> operations, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>Closes the connection.</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
