using Microsoft.Data.Sqlite;
using SafeCallLogger;
using SafeCallLogger.Sqlite;

namespace SampleBot.Storage;

/// <summary>The real storage: one SQLite file (<c>arbitrage_calls</c>), read back for /ml_stats and /ml_test.</summary>
internal sealed class SqliteCallStorage : ICallStorage
{
    private readonly string _connectionString;
    private readonly SqliteCallStore _store;

    public SqliteCallStorage(string databasePath)
    {
        DatabasePath = databasePath;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath }.ToString();
        _store = new SqliteCallStore(_connectionString);
    }

    public string DatabasePath { get; }

    public string Description => "SQLite " + DatabasePath;

    public void ConfigureSink(CallLoggerOptions options) => options.UseSqlite(_connectionString);

    public async Task<string> GetStatsReportAsync(CallLoggerHealth health, CancellationToken cancellationToken) =>
        CallStatsFormatter.Format(await _store.GetStatsAsync(health, cancellationToken).ConfigureAwait(false));

    public async Task<SelfTestOutcome> SelfTestAsync(ICallLogger logger, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var result = await _store.SelfTestAsync(logger, timeout, cancellationToken).ConfigureAwait(false);
        return new SelfTestOutcome(result.Success, result.Message, result.Elapsed);
    }
}
