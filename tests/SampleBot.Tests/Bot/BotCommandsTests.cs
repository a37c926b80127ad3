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
        _commands = new BotCommands(_logger, _storage.Store, new Subscribers(), Admin);
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
