using SafeCallLogger;
using SampleBot.Bot;
using SampleBot.Tests.Support;

namespace SampleBot.Tests.Bot;

public sealed class BotCommandsTests : IAsyncLifetime
{
    private const long Admin = 1;
    private const long User = 1001;
    private readonly TempStore _storage = new();
    private CallLogger _logger = null!;
    private BotCommands _commands = null!;

    public Task InitializeAsync()
    {
        _logger = _storage.CreateLogger();
        _commands = new BotCommands(_logger, _storage.Store, new Subscribers(), Admin, _storage.Store);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _logger.DisposeAsync();
        _storage.Dispose();
    }

    [Fact]
    public async Task HandleAsync_AdminAsksMlStats_GetsTheStatsReport()
    {
        var reply = await _commands.HandleAsync(Admin, "/ml_stats", CancellationToken.None);

        Assert.NotNull(reply);
        Assert.Contains("ML CALL LOGGER - STATS", reply, StringComparison.Ordinal);
        Assert.DoesNotContain(BotCommands.Refusal, reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_MlStatsWithEnoughCalls_RecommendsTheBestSportPairAndBandButNotOneLuckyCall()
    {
        // 20 NBA calls (bet365 / pinnacle, ROI 2.5), one user of 4 bets on each: 25%. One tennis call, all 4 bet: 100%, but one call.
        for (var i = 0; i < 21; i++)
        {
            var tennis = i == 20;
            var logged = _logger.LogCallSafe(new CallRecord
            {
                CallType = CallType.Arbitrage,
                Sport = tennis ? "tennis_atp" : "basketball_nba",
                TeamA = "A" + i,
                TeamB = "B" + i,
                BookmakerA = "bet365",
                BookmakerB = "pinnacle",
                OddsA = 2.1,
                OddsB = 2.05,
                RoiPercent = 2.5,
                NotifiedUserIds = [11, 12, 13, 14],
            });
            for (var u = 11; u < (tennis ? 15 : 12); u++)
            {
                _logger.IncrementClickSafe(logged.CallId, u);
            }
        }

        await _logger.FlushAsync(TimeSpan.FromSeconds(30));
        var reply = await _commands.HandleAsync(Admin, "/ml_stats", CancellationToken.None);

        Assert.NotNull(reply);
        Assert.Contains("- Best sport: basketball_nba, 25% conversion (20 calls)", reply, StringComparison.Ordinal);
        Assert.Contains("- Best bookmaker pair: bet365 / pinnacle, 28.6% conversion (21 calls)", reply, StringComparison.Ordinal);
        Assert.Contains("- Best ROI band: 2-3%, 28.6% conversion (21 calls)", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("tennis_atp,", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_AdminAsksMlTest_TestCallIsWrittenReadBackRemovedAndReportedOk()
    {
        var reply = await _commands.HandleAsync(Admin, "/ml_test", CancellationToken.None);

        Assert.NotNull(reply);
        Assert.StartsWith("ML TEST OK", reply, StringComparison.Ordinal);
        Assert.Equal(1, _logger.GetHealth().Written);
        Assert.Equal(0, _storage.CountCalls());
    }

    [Theory]
    [InlineData("/ml_stats")]
    [InlineData("/ml_test")]
    [InlineData("/ml_stats@SampleBot")]
    public async Task HandleAsync_NonAdminAsksAdminCommand_IsRefusedAndNothingIsLogged(string command)
    {
        var reply = await _commands.HandleAsync(User, command, CancellationToken.None);

        Assert.Equal(BotCommands.Refusal, reply);
        Assert.Equal(0, _logger.GetHealth().Accepted);
    }

    [Fact]
    public async Task HandleAsync_PlainText_IsNotACommand()
    {
        Assert.Null(await _commands.HandleAsync(User, "hello", CancellationToken.None));
    }
}
