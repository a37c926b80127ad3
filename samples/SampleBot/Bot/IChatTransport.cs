namespace SampleBot.Bot;

internal enum SendOutcome
{
    Sent,
    /// <summary>The user blocked the bot (Telegram 403): skip them, do not count them as notified.</summary>
    Blocked,
    Failed,
}

/// <summary>Where the bot's messages go: the console chat offline, the Telegram Bot API online.</summary>
internal interface IChatTransport
{
    /// <summary>Sends <paramref name="text"/>, with one inline button when <paramref name="button"/> is given. Never throws for a per-user failure.</summary>
    Task<SendOutcome> SendAsync(long chatId, string text, InlineButton? button, CancellationToken cancellationToken);
}

internal sealed record InlineButton(string Text, string CallbackData);
