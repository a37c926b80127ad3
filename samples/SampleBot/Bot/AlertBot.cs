using Microsoft.Extensions.Logging;
using SafeCallLogger;
using SampleBot.Feed;

namespace SampleBot.Bot;

internal sealed record BroadcastResult(string CallId, IReadOnlyList<long> NotifiedUserIds, int Blocked, LogResult Log);

/// <summary>
/// What every bot has: send an alert to its users, handle the I BET button, record results. The three lines that
/// involve the library are marked "SafeCallLogger".
/// </summary>
internal sealed partial class AlertBot(IChatTransport chat, ICallLogger callLogger, Subscribers subscribers, ILogger<AlertBot> log)
{
    public const string IBetButtonText = "I BET";

    private long _blockedSkipped;

    /// <summary>Users skipped because they blocked the bot, since start.</summary>
    public long BlockedSkipped => Interlocked.Read(ref _blockedSkipped);

    public async Task<BroadcastResult> BroadcastAsync(Opportunity opportunity, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        // The id goes into the button before the send, so compute it the way the logger will (same alert, same hour, same id).
        // The record is built once; its notified list fills as the sends go out, and is not touched after logging.
        var notified = new List<long>();
        var record = opportunity.ToCallRecord(sentAt, notified);
        var callId = CallIds.Compute(record, sentAt);
        var button = new InlineButton(IBetButtonText, CallIds.ToCallbackData(callId));
        var text = AlertFormatter.Format(opportunity);

        var blocked = 0;
        foreach (var userId in subscribers.Snapshot())
        {
            var outcome = await chat.SendAsync(userId, text, button, cancellationToken).ConfigureAwait(false);
            if (outcome == SendOutcome.Sent)
            {
                notified.Add(userId);
            }
            else if (outcome == SendOutcome.Blocked)
            {
                blocked++;
                Interlocked.Increment(ref _blockedSkipped);
            }
        }

        // SafeCallLogger: log the broadcast ONCE, after the sends, with how many users got it. Returns at once, never throws.
        var result = callLogger.LogCallSafe(record);
        if (!result.IsAccepted)
        {
            LogNotLogged(callId, result.ToString());
        }

        return new BroadcastResult(callId, notified, blocked, result);
    }

    /// <summary>The I BET button handler. Returns the text of the callback answer.</summary>
    public string HandleCallback(long userId, string? callbackData)
    {
        if (!CallIds.TryParseCallbackData(callbackData, out var callId))
        {
            return "Unknown button.";
        }

        // SafeCallLogger: count the click (once per user in total_users_bet).
        callLogger.IncrementClickSafe(callId, userId);
        return "Bet tracked!";
    }

    /// <summary>The result questionnaire's answer, and the closing lines when the match starts.</summary>
    public void RecordResult(string callId, CallOutcome outcome, double? profit) =>
        // SafeCallLogger: record the final result.
        callLogger.UpdateResultSafe(callId, outcome, profit);

    public void RecordClosingLines(string callId, double closingA, double closingB, LineMovementSpeed speed) =>
        callLogger.RecordClosingLinesSafe(callId, closingA, closingB, speed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId} was not logged: {Result}")]
    private partial void LogNotLogged(string callId, string result);
}
