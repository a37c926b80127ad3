using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SafeCallLogger;
using SampleBot.Bot;
using SampleBot.Feed;
using SampleBot.Offline;
using SampleBot.Telegram;

namespace SampleBot;

internal static class SampleBotApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextReader input, Action<HostApplicationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            // appsettings.json sits beside the binary, whatever directory the bot is started from.
            ContentRootPath = AppContext.BaseDirectory,
        });
        var mode = BotMode.From(builder.Configuration);
        ConfigureServices(builder, mode, output, input);
        configure?.Invoke(builder);

        using var host = builder.Build();
        if (mode.DemoAlerts is not { } count)
        {
            // Offline console or Telegram: runs until /quit or Ctrl+C; stopping the host flushes the logger.
            await host.RunAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }

        await host.StartAsync().ConfigureAwait(false);
        var report = await RunDemoAsync(host.Services, count, output).ConfigureAwait(false);
        output.WriteLine(report);

        // Stopping the host stops the logger, which writes everything still queued before returning.
        await host.StopAsync().ConfigureAwait(false);
        output.WriteLine($"Database: {mode.StorageDescription}");
        return 0;
    }

    private static void ConfigureServices(HostApplicationBuilder builder, BotMode mode, TextWriter output, TextReader input)
    {
        var services = builder.Services;

        // --- SafeCallLogger: the few lines a bot needs -------------------------------------------------------------
        // UseSqlite or UsePostgreSql: the sink, and the ICallStore that /ml_stats and /ml_test read, on one storage.
        services.AddSafeCallLogger(options =>
        {
            if (mode.PostgresConnectionString is { } postgres)
            {
                options.UsePostgreSql(postgres);                  // --postgres "Host=...": a fleet's shared store
            }
            else
            {
                options.UseSqlite(mode.ConnectionString);         // the embedded default, one file
            }
        });
        services.AddSafeCallLogger((provider, options) =>        // configurations add up; this one can use services
            options.OnAlert((alert, ct) =>                        // admin alerts: console offline, admin chat on Telegram
                provider.GetRequiredService<IAdminNotifier>().NotifyAsync(alert.Message, ct)));
        // ------------------------------------------------------------------------------------------------------------

        services.AddSingleton<Subscribers>();
        services.AddSingleton<AlertBot>();
        services.AddSingleton(provider => new BotCommands(
            provider.GetRequiredService<ICallLogger>(),
            provider.GetRequiredService<ICallStore>(),
            provider.GetRequiredService<Subscribers>(),
            mode.AdminId,
            provider.GetService<ICallAnalytics>()));
        services.AddSingleton(new SimulatedOddsFeed(mode.Seed));

        if (mode.IsTelegram)
        {
            var telegram = builder.Configuration.GetSection("Telegram").Get<TelegramSettings>() ?? new TelegramSettings();
            services.AddSingleton(TimeProvider.System);
            services.AddSingleton(telegram);
            services.AddSingleton(_ => telegram.CreateClient(mode.TelegramToken!));
            services.AddSingleton<FloodControl>();
            services.AddSingleton<IChatTransport, TelegramChat>();
            services.AddSingleton<IAdminNotifier>(provider => new ChatAdminNotifier(provider.GetRequiredService<IChatTransport>(), mode.AdminId));
            services.AddHostedService<TelegramBotService>();
            return;
        }

        // Offline, the bot lives on the simulation's clock, and so do the logger, the sink and the store (they take the
        // container's TimeProvider): a click is stamped at its simulated instant, not at the wall clock's. Only the
        // wall-clock time is simulated; timers and timeouts stay real (see SimulationClock).
        var clock = new SimulationClock(SimulationStart(TimeProvider.System.GetUtcNow(), mode.DemoAlerts));
        services.AddSingleton(clock);
        services.AddSingleton<TimeProvider>(clock);

        var users = SimulatedUser.Create(mode.Users, mode.Seed);
        services.AddSingleton(users);
        services.AddSingleton(new ConsoleChat(output, users, verbose: mode.DemoAlerts is null));
        services.AddSingleton<IChatTransport>(provider => provider.GetRequiredService<ConsoleChat>());
        services.AddSingleton<IAdminNotifier>(new ConsoleAdminNotifier(output));
        services.AddSingleton(provider =>
        {
            var subscribers = provider.GetRequiredService<Subscribers>();
            foreach (var user in users)
            {
                subscribers.Add(user.Id);
            }

            return new Simulation(
                provider.GetRequiredService<AlertBot>(),
                provider.GetRequiredService<ConsoleChat>(),
                provider.GetRequiredService<BotCommands>(),
                users,
                mode.Seed,
                clock);
        });

        if (mode.DemoAlerts is null)
        {
            services.AddSingleton(builder.Configuration.GetSection("Offline").Get<OfflineSettings>() ?? new OfflineSettings());
            services.AddSingleton(input);
            services.AddHostedService<OfflineConsoleService>();
        }
    }

    /// <summary>
    /// Live, the simulated clock starts now. A demo replays its alerts (about 7.5 minutes apart) so that the last ones
    /// are recent, starting on a whole hour.
    /// </summary>
    internal static DateTimeOffset SimulationStart(DateTimeOffset now, int? demoAlerts)
    {
        if (demoAlerts is not { } count)
        {
            return now;
        }

        var start = now.AddMinutes(-10.0 * count);
        return new DateTimeOffset(start.Year, start.Month, start.Day, start.Hour, 0, 0, TimeSpan.Zero);
    }

    /// <summary>Sends <paramref name="count"/> alerts as fast as possible on the simulated clock, settles them, and returns the admin's /ml_stats report.</summary>
    internal static async Task<string> RunDemoAsync(IServiceProvider services, int count, TextWriter output)
    {
        var simulation = services.GetRequiredService<Simulation>();
        var commands = services.GetRequiredService<BotCommands>();
        var logger = services.GetRequiredService<ICallLogger>();
        for (var i = 0; i < count; i++)
        {
            await simulation.StepAsync(CancellationToken.None).ConfigureAwait(false);

            // A real bot sends a few calls an hour; the demo sends them back to back, faster than any disk. Like a
            // bulk import, it lets the writer catch up when the queue is half full, instead of having calls refused.
            var health = logger.GetHealth();
            if (health.QueueDepth * 2 >= health.QueueCapacity)
            {
                await logger.FlushAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            }
        }

        simulation.SettleAll();
        var flush = await logger.FlushAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Demo: {simulation.AlertsSent} alerts, {simulation.Clicks} I BET clicks, {simulation.ResultsRecorded} results. Flush: {flush}"));
        output.WriteLine("[you] /ml_stats");
        return await commands.HandleAsync(commands.AdminId, "/ml_stats", CancellationToken.None).ConfigureAwait(false) ?? string.Empty;
    }
}

/// <summary>What the command line and the environment ask for.</summary>
internal sealed record BotMode(int? DemoAlerts, string DatabasePath, string? PostgresConnectionString, string? TelegramToken, long AdminId, int Seed, int Users)
{
    public bool IsTelegram => TelegramToken is not null && DemoAlerts is null;

    /// <summary>The SQLite connection string of <see cref="DatabasePath"/>.</summary>
    public string ConnectionString => new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = DatabasePath }.ToString();

    /// <summary>Where the calls go, for the closing line (never the password).</summary>
    public string StorageDescription => PostgresConnectionString is { } postgres ? DescribePostgres(postgres) : DatabasePath;

    public static BotMode From(IConfiguration configuration)
    {
        // "--demo 200 --db demo.db" arrive through the command-line configuration provider as "demo" and "db";
        // "--postgres <connection string>" stores into PostgreSQL instead of the SQLite file.
        var demo = configuration.GetValue<int?>("demo");
        var databasePath = Path.GetFullPath(configuration["db"] ?? configuration["SampleBot:DatabasePath"] ?? "arbitrage_bot.db");
        var postgres = configuration["postgres"] ?? configuration["SampleBot:PostgresConnectionString"];
        var token = configuration["TELEGRAM_BOT_TOKEN"];
        var adminChat = configuration.GetValue<long?>("ADMIN_CHAT_ID");
        var telegram = !string.IsNullOrWhiteSpace(token) && adminChat is not null;
        return new BotMode(
            demo is null ? null : Math.Max(0, demo.Value),
            databasePath,
            string.IsNullOrWhiteSpace(postgres) ? null : postgres,
            telegram ? token : null,
            telegram && demo is null ? adminChat!.Value : configuration.GetValue("SampleBot:ConsoleAdminId", 1L),
            configuration.GetValue("seed", configuration.GetValue("SampleBot:Seed", 42)),
            Math.Clamp(configuration.GetValue("SampleBot:Users", 20), 1, 1000));
    }

    private static string DescribePostgres(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
    }
}
