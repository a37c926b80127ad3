using Microsoft.Extensions.Logging.Abstractions;
using SafeCallLogger;
using SampleBot.Bot;
using SampleBot.Feed;
using SampleBot.Telegram;
using Telegram.Bot;

namespace SampleBot.Tests.Support;

/// <summary>The Telegram bot wired by hand against a stand-in server, storing into a real SQLite file.</summary>
internal sealed class TestBot : IAsyncDisposable
{
    public const long AdminId = 777;

    public TestBot(Uri baseAddress)
    {
        Logger = Storage.CreateLogger();
        // The client the program builds (TelegramSettings.CreateClient), on the stand-in's base URL.
        Client = new TelegramSettings { BaseAddress = baseAddress.ToString() }.CreateClient(StandInTelegramServer.Token, Http);
        FloodControl = new FloodControl(Time, NullLogger<FloodControl>.Instance);
        Chat = new TelegramChat(Client, FloodControl, NullLogger<TelegramChat>.Instance);
        Bot = new AlertBot(Chat, Logger, Subscribers, NullLogger<AlertBot>.Instance);
        Commands = new BotCommands(Logger, Storage.Store, Subscribers, AdminId, Storage.Store);
        Service = new TelegramBotService(Client, FloodControl, Chat, Bot, Commands, Subscribers, new TelegramSettings(), new SimulatedOddsFeed(1), Time, NullLogger<TelegramBotService>.Instance);
    }

    public InstantTimeProvider Time { get; } = new();
    public TempStore Storage { get; } = new();
    public CallLogger Logger { get; }
    public HttpClient Http { get; } = new();
    public ITelegramBotClient Client { get; }
    public FloodControl FloodControl { get; }
    public TelegramChat Chat { get; }
    public Subscribers Subscribers { get; } = new();
    public AlertBot Bot { get; }
    public BotCommands Commands { get; }
    public TelegramBotService Service { get; }

    public async Task<StoredRow> StoredAsync(string callId)
    {
        await Logger.FlushAsync(TimeSpan.FromSeconds(30));
        var row = Storage.Read(callId);
        Assert.True(row is not null, $"call {callId} not stored");
        return row;
    }

    public async ValueTask DisposeAsync()
    {
        Service.Dispose();
        Http.Dispose();
        await Logger.DisposeAsync();
        Storage.Dispose();
    }

    public static Opportunity Arbitrage() => new()
    {
        Type = CallType.Arbitrage,
        Sport = "basketball_nba",
        League = "NBA",
        TeamA = "Lakers",
        TeamB = "Celtics",
        CommenceTime = new DateTimeOffset(2026, 1, 5, 20, 0, 0, TimeSpan.Zero),
        MarketType = "h2h",
        SideA = "Lakers",
        SideB = "Celtics",
        BookmakerA = "Bet365",
        BookmakerB = "Unibet",
        OddsA = 2.10,
        OddsB = 2.05,
        StakeA = 493.98,
        StakeB = 506.02,
        RoiPercent = 3.73,
        ExpectedProfit = 37.3,
        ProbabilityA = 0.5,
    };
}
