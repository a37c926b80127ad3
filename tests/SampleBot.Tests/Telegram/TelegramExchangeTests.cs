using SafeCallLogger;
using SampleBot.Bot;
using SampleBot.Tests.Support;

namespace SampleBot.Tests.Telegram;

/// <summary>The Telegram mode's HTTP exchange, against a stand-in Bot API on 127.0.0.1.</summary>
public sealed class TelegramExchangeTests
{
    private static readonly DateTimeOffset SentAt = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task BroadcastAsync_Subscribers_SendMessageCarriesIBetInlineKeyboard()
    {
        await using var server = new StandInTelegramServer((method, body) => StandInTelegramServer.SentMessage(body["chat_id"]!.GetValue<long>()));
        await using var bot = new TestBot(server.BaseAddress);
        bot.Subscribers.Add(10);
        bot.Subscribers.Add(11);

        var sent = await bot.Bot.BroadcastAsync(TestBot.Arbitrage(), SentAt, CancellationToken.None);

        var bodies = server.BodiesOf("sendMessage").ToList();
        Assert.Equal([10L, 11L], bodies.Select(b => b["chat_id"]!.GetValue<long>()));
        foreach (var body in bodies)
        {
            Assert.Contains("ARBITRAGE ALERT", body["text"]!.GetValue<string>(), StringComparison.Ordinal);
            var button = body["reply_markup"]!["inline_keyboard"]![0]![0]!;
            Assert.Equal(AlertBot.IBetButtonText, button["text"]!.GetValue<string>());
            Assert.Equal("i_bet_" + sent.CallId, button["callback_data"]!.GetValue<string>());
        }

        var stored = await bot.StoredAsync(sent.CallId);
        Assert.Equal(2, stored.TotalUsersNotified);
        Assert.All(server.Requests, r => Assert.Equal("sendMessage", r.Method));   // POSTed as JSON to /bot{token}/sendMessage
    }

    [Fact]
    public async Task PollOnceAsync_CallbackQueryIBet_AnswersQueryAndLogsClick()
    {
        string? callbackData = null;
        await using var server = new StandInTelegramServer((method, body) => method switch
        {
            "getUpdates" => StandInTelegramServer.Ok($"[{StandInTelegramServer.CallbackUpdate(500, "cq-1", 10, callbackData)}]"),
            "answerCallbackQuery" => StandInTelegramServer.Ok("true"),
            _ => StandInTelegramServer.SentMessage(1),
        });
        await using var bot = new TestBot(server.BaseAddress);
        bot.Subscribers.Add(10);
        var sent = await bot.Bot.BroadcastAsync(TestBot.Arbitrage(), SentAt, CancellationToken.None);
        callbackData = CallIds.ToCallbackData(sent.CallId);

        var handled = await bot.Service.PollOnceAsync(timeoutSeconds: 0, CancellationToken.None);

        Assert.Equal(1, handled);
        var answer = Assert.Single(server.BodiesOf("answerCallbackQuery"));
        Assert.Equal("cq-1", answer["callback_query_id"]!.GetValue<string>());
        Assert.Equal("Bet tracked!", answer["text"]!.GetValue<string>());
        var stored = await bot.StoredAsync(sent.CallId);
        Assert.Equal(1, stored.AlertClickedCount);
        Assert.Contains(10L, stored.ClickedUserIds);

        // The next poll acknowledges update 500 by asking from 501.
        await bot.Service.PollOnceAsync(timeoutSeconds: 0, CancellationToken.None);
        Assert.Equal(501, server.BodiesOf("getUpdates").Last()["offset"]!.GetValue<long>());
        Assert.Equal(["message", "callback_query"], server.BodiesOf("getUpdates").Last()["allowed_updates"]!.AsArray().Select(u => u!.GetValue<string>()));
    }

    [Fact]
    public async Task PollOnceAsync_MlStatsFromAdminAndFromUser_AdminAnsweredUserRefused()
    {
        await using var server = new StandInTelegramServer((method, body) => method switch
        {
            "getUpdates" => StandInTelegramServer.Ok(
                $"[{StandInTelegramServer.TextUpdate(1, 10, "/ml_stats")},{StandInTelegramServer.TextUpdate(2, TestBot.AdminId, "/ml_stats")},{StandInTelegramServer.TextUpdate(3, TestBot.AdminId, "/ml_test")}]"),
            _ => StandInTelegramServer.SentMessage(body["chat_id"]!.GetValue<long>()),
        });
        await using var bot = new TestBot(server.BaseAddress);

        await bot.Service.PollOnceAsync(timeoutSeconds: 0, CancellationToken.None);

        var replies = server.BodiesOf("sendMessage").Select(b => (Chat: b["chat_id"]!.GetValue<long>(), Text: b["text"]!.GetValue<string>())).ToList();
        Assert.Equal(3, replies.Count);
        Assert.Equal((10L, BotCommands.Refusal), replies[0]);
        Assert.Equal(TestBot.AdminId, replies[1].Chat);
        Assert.Contains("ML CALL LOGGER - STATS", replies[1].Text, StringComparison.Ordinal);
        Assert.Equal(TestBot.AdminId, replies[2].Chat);
        Assert.StartsWith("ML TEST OK", replies[2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_TooManyRequestsWithRetryAfter_WaitsOnInjectedClockThenSends()
    {
        var calls = 0;
        await using var server = new StandInTelegramServer((method, body) =>
            Interlocked.Increment(ref calls) == 1
                ? StandInTelegramServer.Error(429, "Too Many Requests: retry after 7", retryAfter: 7)
                : StandInTelegramServer.SentMessage(10));
        await using var bot = new TestBot(server.BaseAddress);

        var outcome = await bot.Chat.SendAsync(10, "hello", button: null, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, outcome);
        Assert.Equal(2, server.BodiesOf("sendMessage").Count());
        Assert.Equal([TimeSpan.FromSeconds(7)], bot.Time.Waits);
        Assert.Equal(1, bot.FloodControl.RateLimited);
    }

    [Fact]
    public async Task BroadcastAsync_UserBlockedTheBot_SkippedCountedAndOthersStillNotified()
    {
        await using var server = new StandInTelegramServer((method, body) => body["chat_id"]!.GetValue<long>() == 11
            ? StandInTelegramServer.Error(403, "Forbidden: bot was blocked by the user")
            : StandInTelegramServer.SentMessage(body["chat_id"]!.GetValue<long>()));
        await using var bot = new TestBot(server.BaseAddress);
        bot.Subscribers.Add(10);
        bot.Subscribers.Add(11);
        bot.Subscribers.Add(12);

        var sent = await bot.Bot.BroadcastAsync(TestBot.Arbitrage(), SentAt, CancellationToken.None);

        Assert.Equal(1, sent.Blocked);
        Assert.Equal(1, bot.Bot.BlockedSkipped);
        Assert.Equal([10L, 12L], sent.NotifiedUserIds);
        Assert.Equal(3, server.BodiesOf("sendMessage").Count());
        var stored = await bot.StoredAsync(sent.CallId);
        Assert.Equal(2, stored.TotalUsersNotified);
        Assert.Equal(1, bot.Logger.GetHealth().Accepted);
    }
}
