using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SampleBot.Bot;
using SampleBot.Feed;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace SampleBot.Telegram;

internal sealed class TelegramSettings
{
    public string BaseAddress { get; set; } = "https://api.telegram.org/";
    public int PollTimeoutSeconds { get; set; } = 25;
    public int AlertIntervalSeconds { get; set; } = 300;

    /// <summary>The Telegram.Bot client for <paramref name="token"/> on <see cref="BaseAddress"/> (a stand-in Bot API in the tests).</summary>
    public ITelegramBotClient CreateClient(string token, HttpClient? http = null) =>
        new TelegramBotClient(
            // Telegram.Bot's own 429 retry waits on the real clock; FloodControl waits on the injected TimeProvider.
            new TelegramBotClientOptions(token, BaseAddress) { RetryCount = 0 },
            http);
}

/// <summary>
/// The online bot: long-polls getUpdates through Telegram.Bot, routes commands (admin-only ones checked in <see cref="BotCommands"/>)
/// and I BET presses, and broadcasts what the feed finds every <see cref="TelegramSettings.AlertIntervalSeconds"/>.
/// The polling loop is ours rather than Telegram.Bot's <c>ReceiveAsync</c>: its waits (after a failed poll, on a 429)
/// run on the injected <see cref="TimeProvider"/>, and one round trip (<see cref="PollOnceAsync"/>) is what the tests drive.
/// </summary>
internal sealed partial class TelegramBotService(
    ITelegramBotClient client,
    FloodControl floodControl,
    IChatTransport chat,
    AlertBot bot,
    BotCommands commands,
    Subscribers subscribers,
    TelegramSettings settings,
    SimulatedOddsFeed feed,
    TimeProvider timeProvider,
    ILogger<TelegramBotService> log) : BackgroundService
{
    private static readonly UpdateType[] AllowedUpdates = [UpdateType.Message, UpdateType.CallbackQuery];
    private int? _offset;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        subscribers.Add(commands.AdminId);
        LogStarted(commands.AdminId);
        var feedLoop = RunFeedAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PollOnceAsync(settings.PollTimeoutSeconds, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is RequestException or HttpRequestException or TaskCanceledException)
            {
                LogPollFailed(e.Message);
                await DelayQuietly(TimeSpan.FromSeconds(5), stoppingToken).ConfigureAwait(false);
            }
        }

        await feedLoop.ConfigureAwait(false);
    }

    /// <summary>One getUpdates round trip and the handling of what it returned.</summary>
    public async Task<int> PollOnceAsync(int timeoutSeconds, CancellationToken cancellationToken)
    {
        var updates = await floodControl.RunAsync(
            "getUpdates",
            ct => client.GetUpdates(_offset, timeout: timeoutSeconds, allowedUpdates: AllowedUpdates, cancellationToken: ct),
            cancellationToken).ConfigureAwait(false);
        foreach (var update in updates)
        {
            _offset = update.Id + 1;                      // acknowledges it: the next getUpdates starts after it
            await HandleAsync(update, cancellationToken).ConfigureAwait(false);
        }

        return updates.Length;
    }

    public async Task HandleAsync(Update update, CancellationToken cancellationToken)
    {
        if (update.CallbackQuery is { } query)
        {
            var answer = bot.HandleCallback(query.From.Id, query.Data);
            try
            {
                await floodControl.RunAsync(
                    "answerCallbackQuery",
                    ct => client.AnswerCallbackQuery(query.Id, answer, cancellationToken: ct),
                    cancellationToken).ConfigureAwait(false);
            }
            catch (RequestException e)
            {
                // Answering late (query too old) is harmless: the click is already counted.
                LogPollFailed(e.Message);
            }
        }
        else if (update.Message is { Text: { } text } message)
        {
            var reply = await commands.HandleAsync(message.Chat.Id, text, cancellationToken).ConfigureAwait(false);
            if (reply is not null)
            {
                await chat.SendAsync(message.Chat.Id, reply, button: null, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task RunFeedAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, settings.AlertIntervalSeconds));
        while (await DelayQuietly(interval, stoppingToken).ConfigureAwait(false))
        {
            var now = timeProvider.GetUtcNow();
            var opportunity = feed.Next(now);
            var sent = await bot.BroadcastAsync(opportunity, now, stoppingToken).ConfigureAwait(false);
            LogBroadcast(sent.CallId, sent.NotifiedUserIds.Count, sent.Blocked);
        }
    }

    private async Task<bool> DelayQuietly(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram mode: polling updates; admin chat {AdminChatId}")]
    private partial void LogStarted(long adminChatId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram: {Error}")]
    private partial void LogPollFailed(string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {CallId} sent to {Users} users ({Blocked} blocked the bot)")]
    private partial void LogBroadcast(string callId, int users, int blocked);
}
