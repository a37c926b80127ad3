using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SampleBot.Bot;
using SampleBot.Feed;

namespace SampleBot.Telegram;

internal sealed class TelegramSettings
{
    public string BaseAddress { get; set; } = "https://api.telegram.org/";
    public int PollTimeoutSeconds { get; set; } = 25;
    public int AlertIntervalSeconds { get; set; } = 300;
}

/// <summary>
/// The online bot: long-polls getUpdates, routes commands (admin-only ones checked in <see cref="BotCommands"/>)
/// and I BET presses, and broadcasts what the feed finds every <see cref="TelegramSettings.AlertIntervalSeconds"/>.
/// </summary>
internal sealed partial class TelegramBotService(
    TelegramBotClient client,
    IChatTransport chat,
    AlertBot bot,
    BotCommands commands,
    Subscribers subscribers,
    TelegramSettings settings,
    SimulatedOddsFeed feed,
    TimeProvider timeProvider,
    ILogger<TelegramBotService> log) : BackgroundService
{
    private long? _offset;

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
            catch (Exception e) when (e is HttpRequestException or TelegramApiException or TaskCanceledException)
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
        var updates = await client.GetUpdatesAsync(_offset, timeoutSeconds, cancellationToken).ConfigureAwait(false);
        foreach (var update in updates)
        {
            _offset = update.UpdateId + 1;
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
                await client.AnswerCallbackQueryAsync(query.Id, answer, cancellationToken).ConfigureAwait(false);
            }
            catch (TelegramApiException e)
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
