using Microsoft.Extensions.Logging;
using SampleBot.Bot;

namespace SampleBot.Telegram;

/// <summary>Sends the bot's messages through the Bot API; a user who blocked the bot (403) is reported, not thrown.</summary>
internal sealed partial class TelegramChat(TelegramBotClient client, ILogger<TelegramChat> log) : IChatTransport
{
    public async Task<SendOutcome> SendAsync(long chatId, string text, InlineButton? button, CancellationToken cancellationToken)
    {
        var keyboard = button is null
            ? null
            : new InlineKeyboardMarkup { InlineKeyboard = [[new InlineKeyboardButton { Text = button.Text, CallbackData = button.CallbackData }]] };
        try
        {
            await client.SendMessageAsync(chatId, text, keyboard, cancellationToken).ConfigureAwait(false);
            return SendOutcome.Sent;
        }
        catch (TelegramApiException e) when (e.IsBlocked)
        {
            LogBlocked(chatId);
            return SendOutcome.Blocked;
        }
        catch (Exception e) when (e is TelegramApiException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
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
