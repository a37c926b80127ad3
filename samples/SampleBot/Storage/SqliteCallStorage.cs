using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SafeCallLogger;
using SafeCallLogger.Sqlite;

namespace SampleBot.Storage;

/// <summary>
/// The real storage: one SQLite file (<c>arbitrage_calls</c>), read back for /ml_stats and /ml_test through the
/// <see cref="SqliteCallStore"/> that <c>UseSqlite</c> registered in the container: one connection string, given once.
/// </summary>
internal sealed class SqliteCallStorage : ICallStorage
{
    private readonly string _connectionString;
    private readonly SqliteCallStore? _store;

    public SqliteCallStorage(string databasePath, SqliteCallStore? store = null)
    {
        DatabasePath = databasePath;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath }.ToString();
        _store = store;
    }

    public string DatabasePath { get; }

    public string Description => "SQLite " + DatabasePath;

    public void ConfigureSink(CallLoggerOptions options) => options.UseSqlite(_connectionString);

    public ICallStorage WithServices(IServiceProvider services) =>
        new SqliteCallStorage(DatabasePath, services.GetRequiredService<SqliteCallStore>());

    private SqliteCallStore Store => _store ?? throw new InvalidOperationException("Resolve the storage with WithServices: the store comes from the container.");

    public async Task<string> GetStatsReportAsync(CallLoggerHealth health, CancellationToken cancellationToken) =>
        CallStatsFormatter.Format(await Store.GetStatsAsync(health, cancellationToken).ConfigureAwait(false));

    public async Task<SelfTestOutcome> SelfTestAsync(ICallLogger logger, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var result = await Store.SelfTestAsync(logger, timeout, cancellationToken).ConfigureAwait(false);
        return new SelfTestOutcome(result.Success, result.Message, result.Elapsed);
    }
}
