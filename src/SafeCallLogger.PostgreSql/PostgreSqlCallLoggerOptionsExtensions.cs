using Microsoft.Extensions.Logging;
using Npgsql;
using SafeCallLogger.PostgreSql;
using SafeCallLogger.PostgreSql.Internal;

namespace SafeCallLogger;

/// <summary>
/// Plugs the PostgreSQL sink into <see cref="CallLoggerOptions"/>:
/// <c>AddSafeCallLogger(o =&gt; o.UsePostgreSql("Host=db;Database=bots;Username=bot;Password=…"))</c>.
/// </summary>
public static class PostgreSqlCallLoggerOptionsExtensions
{
    /// <summary>
    /// Stores calls in the PostgreSQL database of <paramref name="connectionString"/> with a
    /// <see cref="PostgreSqlCallSink"/> created when the logger is built, on a data source of its own with a small
    /// pool (<see cref="PostgreSqlSinkOptions.MaxPoolSize"/>) that the logger disposes with the sink after its final
    /// flush. Takes <see cref="ILoggerFactory"/> and <see cref="TimeProvider"/> from the application's services when
    /// registered. Validates the options and the connection string here (<see cref="ArgumentException"/> at
    /// configuration time); never connects.
    /// <para>
    /// In <c>services.AddSafeCallLogger(o =&gt; o.UsePostgreSql(...))</c> the container also gets a singleton
    /// <see cref="PostgreSqlCallStore"/> (and <see cref="ICallStore"/>) on the same database and settings, with a pool of
    /// its own of the same size, disposed by the container: inject it for <c>/ml_stats</c>, <c>/ml_test</c> and exports.
    /// A store registered before is kept.
    /// </para>
    /// </summary>
    /// <param name="options">The logger options.</param>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="configure">Changes the <see cref="PostgreSqlSinkOptions"/>; the default keeps every default.</param>
    /// <returns><paramref name="options"/>.</returns>
#pragma warning disable RS0026 // The overloads differ in their first parameter's type, so no call can be ambiguous.
    public static CallLoggerOptions UsePostgreSql(this CallLoggerOptions options, string connectionString, Action<PostgreSqlSinkOptions>? configure = null)
#pragma warning restore RS0026
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var sinkOptions = Configure(configure);

        // Parsed now so that a malformed string fails at configuration, not when the logger is built.
        _ = new NpgsqlConnectionStringBuilder(connectionString);
        return options
            .UseSink(services => new PostgreSqlCallSink(connectionString, sinkOptions, Time(services), Logging(services)))
            .UseStore(typeof(PostgreSqlCallStore), services => new PostgreSqlCallStore(connectionString, sinkOptions, Time(services)));
    }

    /// <summary>
    /// Stores calls through <paramref name="dataSource"/>, which stays the caller's (not disposed with the logger; its
    /// pool and timeouts are its own, and the writer holds one of its connections). The container's
    /// <see cref="PostgreSqlCallStore"/> reads through it too. Never connects here.
    /// </summary>
    /// <param name="options">The logger options.</param>
    /// <param name="dataSource">The data source to write through.</param>
    /// <param name="configure">Changes the <see cref="PostgreSqlSinkOptions"/>; the default keeps every default.</param>
    /// <returns><paramref name="options"/>.</returns>
#pragma warning disable RS0026 // The overloads differ in their first parameter's type, so no call can be ambiguous.
    public static CallLoggerOptions UsePostgreSql(this CallLoggerOptions options, NpgsqlDataSource dataSource, Action<PostgreSqlSinkOptions>? configure = null)
#pragma warning restore RS0026
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        return options.UsePostgreSql(_ => dataSource, configure);
    }

    /// <summary>
    /// Stores calls through the <see cref="NpgsqlDataSource"/> that <paramref name="dataSource"/> takes from the
    /// application's services when the logger is built (for instance the one <c>AddNpgsqlDataSource</c> registered),
    /// which stays the container's; the container's <see cref="PostgreSqlCallStore"/> reads through it too. Never
    /// connects here.
    /// </summary>
    /// <param name="options">The logger options.</param>
    /// <param name="dataSource">Returns the data source, e.g. <c>sp =&gt; sp.GetRequiredService&lt;NpgsqlDataSource&gt;()</c>.</param>
    /// <param name="configure">Changes the <see cref="PostgreSqlSinkOptions"/>; the default keeps every default.</param>
    /// <returns><paramref name="options"/>.</returns>
#pragma warning disable RS0026 // The overloads differ in their first parameter's type, so no call can be ambiguous.
    public static CallLoggerOptions UsePostgreSql(this CallLoggerOptions options, Func<IServiceProvider, NpgsqlDataSource> dataSource, Action<PostgreSqlSinkOptions>? configure = null)
#pragma warning restore RS0026
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dataSource);
        var sinkOptions = Configure(configure);
        return options
            .UseSink(services => new PostgreSqlCallSink(dataSource(services), sinkOptions, Time(services), Logging(services)))
            .UseStore(typeof(PostgreSqlCallStore), services => new PostgreSqlCallStore(dataSource(services), sinkOptions, Time(services)));
    }

    private static PostgreSqlSinkOptions Configure(Action<PostgreSqlSinkOptions>? configure)
    {
        var sinkOptions = new PostgreSqlSinkOptions();
        configure?.Invoke(sinkOptions);
        return PostgreSqlSinkOptions.ValidatedCopy(sinkOptions, nameof(configure));
    }

    private static TimeProvider? Time(IServiceProvider services) => services.GetService(typeof(TimeProvider)) as TimeProvider;

    private static ILoggerFactory? Logging(IServiceProvider services) => services.GetService(typeof(ILoggerFactory)) as ILoggerFactory;
}
