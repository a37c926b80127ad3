using Microsoft.Extensions.Logging;
using SafeCallLogger.Sqlite;

namespace SafeCallLogger;

/// <summary>Plugs the SQLite sink into <see cref="CallLoggerOptions"/>: <c>AddSafeCallLogger(o =&gt; o.UseSqlite("Data Source=arbitrage_bot.db"))</c>.</summary>
public static class SqliteCallLoggerOptionsExtensions
{
    /// <summary>
    /// Stores calls in the SQLite database of <paramref name="connectionString"/> with a <see cref="SqliteCallSink"/>
    /// created when the logger is built; the logger owns that sink and disposes it after its final flush. The sink
    /// takes <see cref="ILoggerFactory"/> and <see cref="TimeProvider"/> from the application's services when they are
    /// registered. The SQLite options are validated here, so a bad setting throws <see cref="ArgumentException"/> at
    /// configuration time; this method never opens the database.
    /// <para>
    /// In <c>services.AddSafeCallLogger(o =&gt; o.UseSqlite(...))</c> the container also gets a singleton
    /// <see cref="SqliteCallStore"/> on the same database, with the same <see cref="SqliteSinkOptions"/> and the
    /// container's <see cref="TimeProvider"/>: inject it for <c>/ml_stats</c> and <c>/ml_test</c>, no second connection
    /// string needed. A store registered before is kept.
    /// </para>
    /// </summary>
    /// <param name="options">The logger options.</param>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string, e.g. <c>Data Source=arbitrage_bot.db</c>.</param>
    /// <param name="configure">Changes the <see cref="SqliteSinkOptions"/>; the default keeps every default.</param>
    /// <returns><paramref name="options"/>.</returns>
    public static CallLoggerOptions UseSqlite(this CallLoggerOptions options, string connectionString, Action<SqliteSinkOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var sinkOptions = new SqliteSinkOptions();
        configure?.Invoke(sinkOptions);
        sinkOptions = SqliteSinkOptions.ValidatedCopy(sinkOptions, nameof(configure));
        return options
            .UseSink(services => new SqliteCallSink(
                connectionString,
                sinkOptions,
                services.GetService(typeof(TimeProvider)) as TimeProvider,
                services.GetService(typeof(ILoggerFactory)) as ILoggerFactory))
            .UseStore(typeof(SqliteCallStore), services => new SqliteCallStore(
                connectionString,
                sinkOptions,
                services.GetService(typeof(TimeProvider)) as TimeProvider));
    }
}
