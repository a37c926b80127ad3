using System.Globalization;
using SafeCallLogger;
using SampleBot.Bot;
using SampleBot.Feed;

namespace SampleBot.Offline;

/// <summary>
/// Drives the offline bot: the feed finds an opportunity, the bot broadcasts it, simulated users press I BET, the
/// match starts (closing lines) and ends (result questionnaire). Runs on its own simulated clock, so a demo of
/// hundreds of alerts takes no real time.
/// </summary>
internal sealed class Simulation
{
    private readonly AlertBot _bot;
    private readonly ConsoleChat _chat;
    private readonly BotCommands _commands;
    private readonly IReadOnlyList<SimulatedUser> _users;
    private readonly SimulatedOddsFeed _feed;
    private readonly Random _random;
    private readonly List<Pending> _pending = [];
    private DateTimeOffset _now;

    public Simulation(AlertBot bot, ConsoleChat chat, BotCommands commands, IReadOnlyList<SimulatedUser> users, int seed, DateTimeOffset start)
    {
        _bot = bot;
        _chat = chat;
        _commands = commands;
        _users = users;
        _feed = new SimulatedOddsFeed(seed);
        _random = new Random(seed + 1);
        _now = start;
    }

    public int AlertsSent { get; private set; }

    public int Clicks { get; private set; }

    public int ResultsRecorded { get; private set; }

    public DateTimeOffset Now => _now;

    /// <summary>One alert: find, broadcast, log once, clicks; then settle whatever matches have finished.</summary>
    public async Task StepAsync(CancellationToken cancellationToken)
    {
        _now = _now.AddMinutes(4 + _random.Next(8));
        var opportunity = _feed.Next(_now);
        var sent = await _bot.BroadcastAsync(opportunity, _now, cancellationToken).ConfigureAwait(false);
        AlertsSent++;
        var clickers = new List<SimulatedUser>();
        foreach (var userId in sent.NotifiedUserIds)
        {
            var user = _users.First(u => u.Id == userId);
            if (_random.NextDouble() < user.ClickProbability(opportunity.Sport, opportunity.RoiPercent))
            {
                // The button press arrives as callback data, exactly as Telegram would deliver it.
                _bot.HandleCallback(user.Id, CallIds.ToCallbackData(sent.CallId));
                clickers.Add(user);
                Clicks++;
            }
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
            $"{_now:MM-dd HH:mm} {opportunity.Type,-9} {sent.CallId} {opportunity.TeamA} vs {opportunity.TeamB} ROI {opportunity.RoiPercent:0.00}% -> {sent.NotifiedUserIds.Count} users ({sent.Blocked} blocked), {clickers.Count} I BET"));
        _pending.Add(new Pending(sent.CallId, opportunity, clickers, ClosingRecorded: false));

        if (AlertsSent % 25 == 7)
        {
            // Now and then a user tries an admin command.
            var curious = _users[_random.Next(_users.Count)];
            var reply = await _commands.HandleAsync(curious.Id, "/ml_stats", cancellationToken).ConfigureAwait(false);
            _chat.Write($"[{curious.Name} ({curious.Id})] /ml_stats\n[bot -> {curious.Name}] {reply}");
        }

        Settle(finishedBefore: _now);
    }

    /// <summary>Moves the clock past every match and settles them all (end of a demo).</summary>
    public void SettleAll()
    {
        _now = _now.AddDays(1);
        Settle(_now);
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

        foreach (var p in _pending.Where(p => p.Opportunity.CommenceTime.AddHours(2.5) <= finishedBefore).ToList())
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
