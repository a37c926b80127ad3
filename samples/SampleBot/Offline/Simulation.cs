using System.Globalization;
using SafeCallLogger;
using SampleBot.Bot;
using SampleBot.Feed;

namespace SampleBot.Offline;

/// <summary>
/// Drives the offline bot: the feed finds an opportunity, the bot broadcasts it, simulated users press I BET, the
/// match starts (closing lines) and ends (result questionnaire). Runs on a simulated clock, so a demo of hundreds of
/// alerts takes no real time; that clock is also the logger's (<see cref="SimulationClock"/>), so the clicks it stamps
/// fall a few seconds to minutes after their alert, on the alert's simulated day.
/// </summary>
internal sealed class Simulation
{
    private readonly AlertBot _bot;
    private readonly ConsoleChat _chat;
    private readonly BotCommands _commands;
    private readonly IReadOnlyList<SimulatedUser> _users;
    private readonly SimulatedOddsFeed _feed;
    private readonly Random _random;
    private readonly Random _clickDelays;
    private readonly SimulationClock _clock;
    private readonly List<Pending> _pending = [];
    private DateTimeOffset _alertAt;

    public Simulation(AlertBot bot, ConsoleChat chat, BotCommands commands, IReadOnlyList<SimulatedUser> users, int seed, SimulationClock clock)
    {
        _bot = bot;
        _chat = chat;
        _commands = commands;
        _users = users;
        _feed = new SimulatedOddsFeed(seed);
        _random = new Random(seed + 1);

        // Its own stream, so the delays leave every other draw (who clicks, the closing lines, the results) as it was.
        _clickDelays = new Random(seed + 2);
        _clock = clock;
        _alertAt = clock.GetUtcNow();
    }

    /// <summary>
    /// The longest a simulated user takes to press I BET after the alert. Shorter than the shortest gap between two
    /// alerts (4 minutes), so the clock never has to go back for the next alert, and than the shortest call lifetime
    /// (15 minutes), so every click lands while its call is still good.
    /// </summary>
    public static TimeSpan MaxClickDelay { get; } = TimeSpan.FromMinutes(3);

    public int AlertsSent { get; private set; }

    public int Clicks { get; private set; }

    public int ResultsRecorded { get; private set; }

    public DateTimeOffset Now => _clock.GetUtcNow();

    /// <summary>One alert: find, broadcast, log once, clicks; then settle whatever matches have finished.</summary>
    public async Task StepAsync(CancellationToken cancellationToken)
    {
        _alertAt = _alertAt.AddMinutes(4 + _random.Next(8));
        _clock.AdvanceTo(_alertAt);
        var opportunity = _feed.Next(_alertAt);
        var sent = await _bot.BroadcastAsync(opportunity, _alertAt, cancellationToken).ConfigureAwait(false);
        AlertsSent++;
        var presses = new List<(SimulatedUser User, TimeSpan Delay)>();
        foreach (var userId in sent.NotifiedUserIds)
        {
            var user = _users.First(u => u.Id == userId);
            if (_random.NextDouble() < user.ClickProbability(opportunity.Sport, opportunity.RoiPercent))
            {
                presses.Add((user, ClickDelay()));
            }
        }

        var clickers = new List<SimulatedUser>();
        foreach (var (user, delay) in presses.OrderBy(p => p.Delay))
        {
            // The clock moves to the moment of the press, so the logger stamps first_clicked_at a while after
            // alert_sent_at; the press arrives as callback data, exactly as Telegram would deliver it.
            _clock.AdvanceTo(_alertAt + delay);
            _bot.HandleCallback(user.Id, CallIds.ToCallbackData(sent.CallId));
            clickers.Add(user);
            Clicks++;
        }

        if (_chat.Verbose)
        {
            _chat.Write($"[bot -> {sent.NotifiedUserIds.Count} users] {ConsoleChat.Indent(AlertFormatter.Format(opportunity))}\n    [{AlertBot.IBetButtonText}] ({CallIds.ToCallbackData(sent.CallId)})");
            foreach (var user in clickers)
            {
                _chat.Write($"[{user.Name} ({user.Id})] presses {AlertBot.IBetButtonText}");
            }
        }

        _chat.Write(string.Create(
            CultureInfo.InvariantCulture,
            $"{_alertAt:MM-dd HH:mm} {opportunity.Type,-9} {sent.CallId} {opportunity.TeamA} vs {opportunity.TeamB} ROI {opportunity.RoiPercent:0.00}% -> {sent.NotifiedUserIds.Count} users ({sent.Blocked} blocked), {clickers.Count} I BET"));
        _pending.Add(new Pending(sent.CallId, opportunity, clickers, ClosingRecorded: false));

        if (AlertsSent % 25 == 7)
        {
            // Now and then a user tries an admin command.
            var curious = _users[_random.Next(_users.Count)];
            var reply = await _commands.HandleAsync(curious.Id, "/ml_stats", cancellationToken).ConfigureAwait(false);
            _chat.Write($"[{curious.Name} ({curious.Id})] /ml_stats\n[bot -> {curious.Name}] {reply}");
        }

        // Matches finished by the alert's instant: the clicks' few minutes after it do not change which ones.
        Settle(finishedBefore: _alertAt);
    }

    /// <summary>Moves the clock to the end of the last pending match and settles them all (end of a demo).</summary>
    public void SettleAll()
    {
        if (_pending.Count > 0)
        {
            _clock.AdvanceTo(_pending.Max(p => MatchEnd(p.Opportunity)));
        }

        Settle(_clock.GetUtcNow());
    }

    // When the result is known: 2.5 hours after kick-off.
    private static DateTimeOffset MatchEnd(Opportunity opportunity) => opportunity.CommenceTime.AddHours(2.5);

    /// <summary>How long a user takes to read the alert and place both bets: from 5 seconds to <see cref="MaxClickDelay"/>.</summary>
    private TimeSpan ClickDelay()
    {
        // Squared, so quick presses are more common than slow ones (a median near a minute and a half).
        var spread = _clickDelays.NextDouble();
        return TimeSpan.FromSeconds(5 + ((MaxClickDelay.TotalSeconds - 5) * spread * spread));
    }

    private void Settle(DateTimeOffset finishedBefore)
    {
        for (var i = 0; i < _pending.Count; i++)
        {
            var p = _pending[i];
            if (!p.ClosingRecorded && p.Opportunity.CommenceTime <= finishedBefore)
            {
                RecordClosingLines(p);
                _pending[i] = p = p with { ClosingRecorded = true };
            }
        }

        foreach (var p in _pending.Where(p => MatchEnd(p.Opportunity) <= finishedBefore).ToList())
        {
            if (!p.ClosingRecorded)
            {
                RecordClosingLines(p);
            }

            AnswerQuestionnaire(p);
            _pending.Remove(p);
        }
    }

    private void RecordClosingLines(Pending p)
    {
        var move = 0.04 * ((_random.NextDouble() * 2) - 1);
        var closingA = Math.Max(1.01, ArbitrageMath.Round2(p.Opportunity.OddsA * (1 - move)));
        var closingB = Math.Max(1.01, ArbitrageMath.Round2(p.Opportunity.OddsB * (1 + move)));
        var speed = Math.Abs(move) > 0.025 ? LineMovementSpeed.Fast : Math.Abs(move) > 0.01 ? LineMovementSpeed.Normal : LineMovementSpeed.Slow;
        _bot.RecordClosingLines(p.CallId, closingA, closingB, speed);
    }

    private void AnswerQuestionnaire(Pending p)
    {
        // The result questionnaire: after the match the bot asks a user who bet how it went; with no bettor, the
        // scores feed answers. Either way the answer goes to UpdateResultSafe.
        var o = p.Opportunity;
        var roll = _random.NextDouble();
        var middleHit = o.Type == CallType.Middle && roll < o.MiddleProbability;
        var outcome = _random.NextDouble() < 0.02 ? CallOutcome.Push : (middleHit || roll < o.ProbabilityA) ? CallOutcome.AWon : CallOutcome.BWon;
        var profit = outcome switch
        {
            CallOutcome.Push => 0,
            // CallOutcome has no "both won": a middle that hit is recorded as AWon, its profit tells the hit.
            CallOutcome.AWon when middleHit => (o.StakeA * o.OddsA) + (o.StakeB * o.OddsB) - o.TotalStake,
            CallOutcome.AWon => (o.StakeA * o.OddsA) - o.TotalStake,
            _ => (o.StakeB * o.OddsB) - o.TotalStake,
        };

        _bot.RecordResult(p.CallId, outcome, ArbitrageMath.Round2(profit));
        ResultsRecorded++;
        if (_chat.Verbose)
        {
            var who = p.Bettors.Count > 0 ? p.Bettors[0].Name : "scores feed";
            _chat.Write($"[bot -> {who}] How did {o.TeamA} vs {o.TeamB} ({p.CallId}) go?  [{who}] {outcome}, profit {profit:0.00}");
        }
    }

    private sealed record Pending(string CallId, Opportunity Opportunity, IReadOnlyList<SimulatedUser> Bettors, bool ClosingRecorded);
}
