namespace SafeCallLogger;

/// <summary>
/// Records betting alerts ("calls"), the clicks on them and their results, without ever slowing down or crashing the
/// bot. Every <c>...Safe</c> method returns at once, whatever it is given: it never throws, never waits on I/O or on a
/// lock the writer holds, and tells what it did in a <see cref="LogResult"/> the caller may ignore.
/// </summary>
public interface ICallLogger
{
    /// <summary>
    /// Logs one sent alert. Call it after the send, once per broadcast, with <see cref="CallRecord.UsersNotified"/> set
    /// to how many users got it. Logging the same id again counts as a re-broadcast and adds to
    /// <c>total_users_notified</c>.
    /// </summary>
    /// <param name="call">The alert.</param>
    /// <returns>The outcome, with <see cref="LogResult.CallId"/> to put in the I BET button (<see cref="CallIds.ToCallbackData"/>).</returns>
    LogResult LogCallSafe(CallRecord call);

    /// <summary>Counts one I BET click. Never throws.</summary>
    /// <param name="callId">The call id from the button's callback data.</param>
    /// <param name="userId">Who clicked, so repeated clicks by one user count once in <c>total_users_bet</c>; <see langword="null"/> when unknown (every click then counts).</param>
    LogResult IncrementClickSafe(string? callId, long? userId = null);

    /// <summary>Records the final result of a call. Never throws.</summary>
    /// <param name="callId">The call id.</param>
    /// <param name="outcome">The result.</param>
    /// <param name="profitActual">The realized profit, when known.</param>
    LogResult UpdateResultSafe(string? callId, CallOutcome outcome, double? profitActual);

    /// <summary>Records the closing lines of a call; the sink computes <c>clv_a</c> and <c>clv_b</c> from them (<see cref="Odds.ClosingLineValuePercent"/>). Never throws.</summary>
    /// <param name="callId">The call id.</param>
    /// <param name="closingLineA">Closing odds of side A.</param>
    /// <param name="closingLineB">Closing odds of side B.</param>
    /// <param name="lineMovementSpeed">How fast the line moved, when known.</param>
    LogResult RecordClosingLinesSafe(string? callId, Odds closingLineA, Odds closingLineB, LineMovementSpeed? lineMovementSpeed = null);

    /// <summary>
    /// Waits until everything accepted before the call is settled (written or lost), or until
    /// <paramref name="timeout"/>. Never throws, also when cancelled; says what it found.
    /// </summary>
    /// <param name="timeout">How long to wait at most; <see cref="Timeout.InfiniteTimeSpan"/> waits until done or cancelled.</param>
    /// <param name="cancellationToken">Stops waiting early.</param>
    ValueTask<FlushResult> FlushAsync(TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>A snapshot of the logger's health. Never throws.</summary>
    CallLoggerHealth GetHealth();
}
