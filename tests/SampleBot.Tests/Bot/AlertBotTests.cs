using SafeCallLogger;
using SampleBot.Bot;
using SampleBot.Feed;
using SampleBot.Offline;
using Microsoft.Extensions.Logging.Abstractions;

namespace SampleBot.Tests.Bot;

public sealed class AlertBotTests
{
    [Fact]
    public async Task BroadcastAsync_SomeUsersBlockedTheBot_LoggedOnceWithUsersActuallyNotified()
    {
        var sink = new InMemoryCallSink();
        await using var logger = new CallLogger(sink);
        var users = SimulatedUser.Create(18, seed: 3);
        var subscribers = new Subscribers();
        foreach (var user in users)
        {
            subscribers.Add(user.Id);
        }

        var bot = new AlertBot(new ConsoleChat(TextWriter.Null, users, verbose: false), logger, subscribers, NullLogger<AlertBot>.Instance);
        var sentAt = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

        var result = await bot.BroadcastAsync(Support.TestBot.Arbitrage(), sentAt, CancellationToken.None);
        await logger.FlushAsync(TimeSpan.FromSeconds(30));

        var blocked = users.Count(u => u.BlockedBot);
        Assert.True(blocked > 0);
        Assert.Equal(blocked, result.Blocked);
        Assert.Equal(1, logger.GetHealth().Accepted);
        Assert.True(sink.TryGetCall(result.CallId, out var stored));
        Assert.Equal(users.Count - blocked, stored.TotalUsersNotified);
        Assert.Equal(result.NotifiedUserIds.Order(), stored.NotifiedUserIds.Order());
    }

    [Fact]
    public async Task HandleCallback_IBetDataTwiceBySameUser_CountsOneBettor()
    {
        var sink = new InMemoryCallSink();
        await using var logger = new CallLogger(sink);
        var subscribers = new Subscribers();
        subscribers.Add(5);
        var bot = new AlertBot(new ConsoleChat(TextWriter.Null, [], verbose: false), logger, subscribers, NullLogger<AlertBot>.Instance);
        var sent = await bot.BroadcastAsync(Support.TestBot.Arbitrage(), DateTimeOffset.UnixEpoch.AddYears(56), CancellationToken.None);

        Assert.Equal("Bet tracked!", bot.HandleCallback(5, CallIds.ToCallbackData(sent.CallId)));
        bot.HandleCallback(5, CallIds.ToCallbackData(sent.CallId));
        Assert.Equal("Unknown button.", bot.HandleCallback(5, "something_else"));
        await logger.FlushAsync(TimeSpan.FromSeconds(30));

        Assert.True(sink.TryGetCall(sent.CallId, out var stored));
        Assert.Equal(2, stored.AlertClickedCount);
        Assert.Equal(1, stored.TotalUsersBet);
    }
}
