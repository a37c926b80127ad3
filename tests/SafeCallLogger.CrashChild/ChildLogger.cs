using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SafeCallLogger;
using SafeCallLogger.PostgreSql;
using SafeCallLogger.Sqlite;

namespace SafeCallLogger.CrashChild;

/// <summary>
/// The logger over the SQLite file, built the two ways a bot builds it: constructors
/// (<c>new CallLogger(new SqliteCallSink(...))</c>), or the generic host with <c>AddSafeCallLogger(o =&gt; o.UseSqlite(...))</c>.
/// </summary>
internal sealed class ChildLogger : IAsyncDisposable
{
    private readonly IHost? _host;
    private readonly CallLogger? _owned;
    private readonly IAsyncDisposable? _sink;

    private ChildLogger(ICallLogger logger, IHost? host, CallLogger? owned, IAsyncDisposable? sink)
    {
        Logger = logger;
        _host = host;
        _owned = owned;
        _sink = sink;
    }

    public ICallLogger Logger { get; }

    public static async Task<ChildLogger> CreateAsync(ChildArguments args)
    {
        if (!args.UseDependencyInjection)
        {
            ICallSink sink = args.Postgres is { } postgres ? new PostgreSqlCallSink(postgres) : new SqliteCallSink(args.ConnectionString);
            var logger = new CallLogger(sink, Configure(new CallLoggerOptions(), args));
            return new ChildLogger(logger, null, logger, (IAsyncDisposable)sink);
        }

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());

        // Nothing but the protocol on stdout: the parent parses every line.
        builder.Logging.ClearProviders();
        builder.Services.AddSafeCallLogger(o => Configure(args.Postgres is { } postgres ? o.UsePostgreSql(postgres) : o.UseSqlite(args.ConnectionString), args));
        var host = builder.Build();
        await host.StartAsync();
        return new ChildLogger(host.Services.GetRequiredService<ICallLogger>(), host, null, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        if (_owned is not null)
        {
            await _owned.DisposeAsync();
        }

        if (_sink is not null)
        {
            await _sink.DisposeAsync();
        }
    }

    private static CallLoggerOptions Configure(CallLoggerOptions options, ChildArguments args)
    {
        options.Journal.Mode = args.Mode;
        if (args.JournalDirectory is not null)
        {
            options.Journal.Directory = args.JournalDirectory;
        }

        return options;
    }
}
