namespace SampleBot.Bot;

/// <summary>Where the library's admin alerts go: the console offline, the admin chat on Telegram.</summary>
internal interface IAdminNotifier
{
    ValueTask NotifyAsync(string text, CancellationToken cancellationToken);
}

internal sealed class ConsoleAdminNotifier(TextWriter output) : IAdminNotifier
{
    public ValueTask NotifyAsync(string text, CancellationToken cancellationToken)
    {
        output.WriteLine($"[ADMIN ALERT]\n{text}");
        return ValueTask.CompletedTask;
    }
}

internal sealed class ChatAdminNotifier(IChatTransport chat, long adminChatId) : IAdminNotifier
{
    public async ValueTask NotifyAsync(string text, CancellationToken cancellationToken) =>
        await chat.SendAsync(adminChatId, text, button: null, cancellationToken).ConfigureAwait(false);
}
