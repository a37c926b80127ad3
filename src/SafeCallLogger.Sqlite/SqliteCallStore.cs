namespace SafeCallLogger.Sqlite;

/// <summary>The query side of the SQLite storage.</summary>
public sealed class SqliteCallStore
{
    /// <summary>Creates the store. Never opens the database here.</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string.</param>
    /// <param name="options">Settings; the default is <see cref="SqliteSinkOptions"/> with its defaults.</param>
    /// <param name="timeProvider">The clock; the default is <see cref="TimeProvider.System"/>.</param>
    public SqliteCallStore(string connectionString, SqliteSinkOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _ = SqliteSinkOptions.ValidatedCopy(options, nameof(options));
        _ = timeProvider;
    }

    /// <summary>Stats.</summary>
    /// <param name="health">Logger health.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public Task<CallStats> GetStatsAsync(CallLoggerHealth? health = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Self-test.</summary>
    /// <param name="logger">The logger.</param>
    /// <param name="timeout">Timeout.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public Task<SelfTestResult> SelfTestAsync(ICallLogger logger, TimeSpan timeout, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Backup.</summary>
    /// <param name="destinationPath">Destination.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public Task BackupAsync(string destinationPath, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>CSV export.</summary>
    /// <param name="destination">Destination.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public Task<long> ExportCsvAsync(Stream destination, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>JSONL export.</summary>
    /// <param name="destination">Destination.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public Task<long> ExportJsonLinesAsync(Stream destination, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>User events CSV export.</summary>
    /// <param name="destination">Destination.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public Task<long> ExportUserEventsCsvAsync(Stream destination, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>User events JSONL export.</summary>
    /// <param name="destination">Destination.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public Task<long> ExportUserEventsJsonLinesAsync(Stream destination, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Retention.</summary>
    /// <param name="cancellationToken">Cancels.</param>
    public Task<int> RunRetentionAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();
}
