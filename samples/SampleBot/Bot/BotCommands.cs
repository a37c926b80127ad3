using System.Globalization;
using SafeCallLogger;

namespace SampleBot.Bot;

/// <summary>
/// The bot's text commands. <c>/ml_stats</c> and <c>/ml_test</c> answer the admin only, from the <see cref="ICallStore"/>
/// the storage package registered (SQLite or PostgreSQL: the commands do not know which); <c>/ml_stats</c> adds the
/// best sport, bookmaker pair and ROI band from its <see cref="ICallAnalytics"/> when the storage has one.
/// </summary>
internal sealed class BotCommands(ICallLogger logger, ICallStore store, Subscribers subscribers, long adminId, ICallAnalytics? analytics = null)
{
    public const string Refusal = "Sorry, this command is for the bot admin only.";

    public long AdminId => adminId;

    public bool IsAdmin(long userId) => userId == adminId;

    /// <summary>Returns the reply to <paramref name="text"/> from <paramref name="userId"/>, or <see langword="null"/> when it is not a command.</summary>
    public async Task<string?> HandleAsync(long userId, string? text, CancellationToken cancellationToken)
    {
        var command = text?.Trim().Split(' ', 2)[0].Split('@')[0].ToLowerInvariant();
        switch (command)
        {
            case "/start":
                subscribers.Add(userId);
                return "Subscribed: you will get arbitrage, middle and good-EV alerts. Press I BET on the ones you take.";
            case "/stop":
                subscribers.Remove(userId);
                return "Unsubscribed.";
            case "/help":
                return IsAdmin(userId)
                    ? "/start, /stop, /ml_stats (logger and data stats), /ml_test (log a test call)"
                    : "/start to get alerts, /stop to stop them.";
            case "/ml_stats" or "/ml_test" when !IsAdmin(userId):
                return Refusal;
            case "/ml_stats":
                try
                {
                    var stats = await store.GetStatsAsync(logger.GetHealth(), cancellationToken).ConfigureAwait(false);
                    if (analytics is not null && stats.TotalCalls > 0)
                    {
                        stats = stats with { Recommendations = [.. stats.Recommendations, .. await TopBreakdowns.ReadAsync(analytics, cancellationToken).ConfigureAwait(false)] };
                    }

                    return CallStatsFormatter.Format(stats);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A broken database must not take the bot down: the admin gets the logger's own view instead.
                    var h = logger.GetHealth();
                    return $"ML CALL LOGGER - STATS\nStatus: {h.State}, health {h.HealthPercent:0.0}%\nStored data unavailable: {e.Message}";
                }

            case "/ml_test":
                // The self-test never throws: a failure comes back as its reason.
                var test = await store.SelfTestAsync(logger, TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
                return (test.Success ? "ML TEST OK: " : "ML TEST FAILED: ") + test.Message;

            default:
                return null;
        }
    }
}

/// <summary>Who gets the alerts.</summary>
internal sealed class Subscribers
{
    private readonly Lock _gate = new();
    private readonly SortedSet<long> _ids = [];

    public void Add(long id)
    {
        lock (_gate)
        {
            _ids.Add(id);
        }
    }

    public void Remove(long id)
    {
        lock (_gate)
        {
            _ids.Remove(id);
        }
    }

    public IReadOnlyList<long> Snapshot()
    {
        lock (_gate)
        {
            return [.. _ids];
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return string.Join(',', _ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));
        }
    }
}
