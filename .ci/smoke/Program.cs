// The consumer smoke test's bot: a console app that references the packed SafeCallLogger packages and Entity
// Framework Core's SQLite provider, with both in one database file, as a bot keeping its own tables beside the log.
// Logs calls, clicks, results and closing lines through the host, stops it, and prints what it did; the script then
// reads the file with the sqlite3 shell. Usage: Consumer <database file> <calls> <clicks per call>
using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SafeCallLogger;

var database = Path.GetFullPath(args[0]);
var calls = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
var clicksPerCall = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
var alerts = 0;

var builder = Host.CreateApplicationBuilder();
builder.Services.AddDbContext<BotDb>(o => o.UseSqlite($"Data Source={database}"));
builder.Services.AddSafeCallLogger(options =>
{
    options.UseSqlite($"Data Source={database}");
    options.OnAlert(alert =>
    {
        Interlocked.Increment(ref alerts);
        Console.WriteLine($"alert {alert.Kind}: {alert.Message}");
    });
});

using var host = builder.Build();
using (var scope = host.Services.CreateScope())
{
    var db = scope.ServiceProvider.GetRequiredService<BotDb>();
    await db.Database.EnsureCreatedAsync();
    db.Subscribers.Add(new Subscriber { ChatId = 42, Name = "smoke" });
    await db.SaveChangesAsync();
}

await host.StartAsync();
var logger = host.Services.GetRequiredService<ICallLogger>();
var sentAt = DateTimeOffset.UtcNow;
var refused = 0;
for (var i = 0; i < calls; i++)
{
    var call = new CallRecord
    {
        CallType = i % 3 == 0 ? CallType.Middle : CallType.Arbitrage,
        Sport = "basketball_nba",
        TeamA = $"Home {i}", TeamB = $"Away {i}",
        BookmakerA = "bet365", BookmakerB = "pinnacle",
        OddsA = 2.10, OddsB = Odds.FromAmerican(+110),
        RoiPercent = 2.4,
        AlertSentAt = sentAt,
        NotifiedUserIds = [1, 2, 3],
    };
    var result = logger.LogCallSafe(call);
    if (!result.IsAccepted)
    {
        refused++;
        continue;
    }

    for (var c = 0; c < clicksPerCall; c++)
    {
        refused += logger.IncrementClickSafe(result.CallId, 1 + c).IsAccepted ? 0 : 1;
    }

    refused += logger.UpdateResultSafe(result.CallId, CallOutcome.AWon, profitActual: 1.5).IsAccepted ? 0 : 1;
    refused += logger.RecordClosingLinesSafe(result.CallId, closingLineA: 2.02, closingLineB: 1.98).IsAccepted ? 0 : 1;
}

await host.StopAsync();
await using (var db = new BotDb(new DbContextOptionsBuilder<BotDb>().UseSqlite($"Data Source={database}").Options))
{
    Console.WriteLine($"subscribers={await db.Subscribers.CountAsync()}");
}

Console.WriteLine($"runtime={RuntimeInformation.FrameworkDescription} refused={refused} alerts={alerts}");
return refused == 0 && alerts == 0 ? 0 : 1;

/// <summary>The bot's own data, through Entity Framework Core, in the file the logger writes.</summary>
internal sealed class BotDb(DbContextOptions<BotDb> options) : DbContext(options)
{
    public DbSet<Subscriber> Subscribers => Set<Subscriber>();
}

/// <summary>A user who gets the alerts.</summary>
internal sealed class Subscriber
{
    public int Id { get; set; }

    public long ChatId { get; set; }

    public string Name { get; set; } = "";
}
