using SampleBot.Bot;

namespace SampleBot.Offline;

/// <summary>The offline "chat": messages to simulated users are printed; users who blocked the bot refuse them, like Telegram's 403.</summary>
internal sealed class ConsoleChat(TextWriter output, IReadOnlyList<SimulatedUser> users, bool verbose) : IChatTransport
{
    private readonly Dictionary<long, SimulatedUser> _users = users.ToDictionary(u => u.Id);
    private readonly Lock _gate = new();

    public bool Verbose { get; set; } = verbose;

    public Task<SendOutcome> SendAsync(long chatId, string text, InlineButton? button, CancellationToken cancellationToken)
    {
        if (_users.TryGetValue(chatId, out var user) && user.BlockedBot)
        {
            return Task.FromResult(SendOutcome.Blocked);
        }

        if (!_users.ContainsKey(chatId))
        {
            // Messages to simulated users are summed up by the simulation; anything else is for the person at the console.
            Write($"[bot -> you] {Indent(text)}{(button is null ? string.Empty : $"\n    [{button.Text}] ({button.CallbackData})")}");
        }

        return Task.FromResult(SendOutcome.Sent);
    }

    public static string Indent(string text) => text.Replace("\n", "\n    ", StringComparison.Ordinal);

    public void Write(string line)
    {
        lock (_gate)
        {
            output.WriteLine(line);
        }
    }
}
