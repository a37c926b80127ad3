using Microsoft.Extensions.Logging;
using SampleBot.Bot;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.ReplyMarkups;

namespace SampleBot.Telegram;

/// <summary>Sends the bot's messages through Telegram.Bot; a user who blocked the bot (403) is reported, not thrown.</summary>
internal sealed partial class TelegramChat(ITelegramBotClient client, FloodControl floodControl, ILogger<TelegramChat> log) : IChatTransport
{
    public async Task<SendOutcome> SendAsync(long chatId, string text, InlineButton? button, CancellationToken cancellationToken)
    {
        var keyboard = button is null
            ? null
            : new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData(button.Text, button.CallbackData));   // "i_bet_{callId}"
        try
        {
            await floodControl.RunAsync(
                "sendMessage",
                ct => client.SendMessage(chatId, text, replyMarkup: keyboard, cancellationToken: ct),
                cancellationToken).ConfigureAwait(false);
            return SendOutcome.Sent;
        }
        catch (ApiRequestException e) when (e.ErrorCode == 403)
        {
            // "Forbidden: bot was blocked by the user" (or the user is deactivated).
            LogBlocked(chatId);
            return SendOutcome.Blocked;
        }
        catch (Exception e) when (e is RequestException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogSendFailed(chatId, e.Message);
            return SendOutcome.Failed;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {ChatId} blocked the bot: skipped")]
    private partial void LogBlocked(long chatId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send to {ChatId}: {Error}")]
    private partial void LogSendFailed(long chatId, string error);
}
