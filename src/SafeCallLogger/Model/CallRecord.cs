using System.Text.Json.Nodes;

namespace SafeCallLogger;

/// <summary>
/// One betting alert as the bot sent it: the input of <see cref="ICallLogger.LogCallSafe(CallRecord)"/>.
/// Each property maps to the column of <c>arbitrage_calls</c> named in its summary.
/// Counters (<c>total_users_bet</c>, <c>alert_clicked_count</c>), the result and the closing lines are not part of the
/// record: they arrive later through <see cref="ICallLogger.IncrementClickSafe"/>, <see cref="ICallLogger.UpdateResultSafe"/>
/// and <see cref="ICallLogger.RecordClosingLinesSafe"/>.
/// </summary>
/// <remarks>
/// <see cref="ICallLogger.LogCallSafe(CallRecord)"/> takes its own copy before it returns: it copies
/// <see cref="NotifiedUserIds"/> into a private array and serializes <see cref="RawData"/> to JSON text, and never reads
/// the caller's list or <see cref="JsonObject"/> again. A bot may reuse one recipients list and one template object for
/// every broadcast and change them as soon as the call returns.
/// </remarks>
public sealed class CallRecord
{
    /// <summary>
    /// <c>call_id</c>: a caller-supplied id (1 to 58 characters of <c>A-Z a-z 0-9 _ - . :</c>, so that <c>i_bet_{id}</c>
    /// fits Telegram's 64-byte callback data). The default is <see langword="null"/>: the logger derives the id with
    /// <see cref="CallIds.Compute(CallRecord, DateTimeOffset)"/>.
    /// </summary>
    public string? CallId { get; init; }

    /// <summary><c>call_type</c>: arbitrage, middle or good_ev. Required.</summary>
    public required CallType CallType { get; init; }

    /// <summary><c>sport</c>, e.g. "basketball_nba". The default is <see langword="null"/>.</summary>
    public string? Sport { get; init; }

    /// <summary><c>league</c>. The default is <see langword="null"/>.</summary>
    public string? League { get; init; }

    /// <summary><c>team_a</c>: the first side of the match. Required, not blank.</summary>
    public required string TeamA { get; init; }

    /// <summary><c>team_b</c>: the second side of the match. Required, not blank.</summary>
    public required string TeamB { get; init; }

    /// <summary><c>match_date</c>. From 2000-01-01 (inclusive) to 2200-01-01 (exclusive) UTC when given. The default is <see langword="null"/>.</summary>
    public DateTimeOffset? MatchDate { get; init; }

    /// <summary><c>match_commence_time</c>: when the event starts. From 2000-01-01 (inclusive) to 2200-01-01 (exclusive) UTC when given. The default is <see langword="null"/>.</summary>
    public DateTimeOffset? MatchCommenceTime { get; init; }

    /// <summary><c>bookmaker_a</c>: where side A is bet. Required, not blank.</summary>
    public required string BookmakerA { get; init; }

    /// <summary><c>bookmaker_b</c>: where side B is bet. Required, not blank.</summary>
    public required string BookmakerB { get; init; }

    /// <summary><c>market_type</c>, e.g. "h2h", "spreads", "totals". The default is <see langword="null"/>.</summary>
    public string? MarketType { get; init; }

    /// <summary><c>odds_a</c> as given and <c>odds_a_decimal</c> derived. Required and valid (decimal above 1, at most <see cref="Odds.MaxDecimalValue"/>).</summary>
    public required Odds OddsA { get; init; }

    /// <summary><c>odds_b</c> as given and <c>odds_b_decimal</c> derived. Required and valid (decimal above 1, at most <see cref="Odds.MaxDecimalValue"/>).</summary>
    public required Odds OddsB { get; init; }

    /// <summary><c>recommended_stake_a</c>. Finite and not negative when given. The default is <see langword="null"/>.</summary>
    public double? RecommendedStakeA { get; init; }

    /// <summary><c>recommended_stake_b</c>. Finite and not negative when given. The default is <see langword="null"/>.</summary>
    public double? RecommendedStakeB { get; init; }

    /// <summary><c>total_stake</c>. Finite and not negative when given. The default is <see langword="null"/>.</summary>
    public double? TotalStake { get; init; }

    /// <summary><c>expected_profit</c>. Finite when given (may be negative). The default is <see langword="null"/>.</summary>
    public double? ExpectedProfit { get; init; }

    /// <summary><c>roi_percent</c>: expected return in percent, e.g. 2.5. Required and finite.</summary>
    public required double RoiPercent { get; init; }

    /// <summary>
    /// <c>alert_sent_at</c>. From 2000-01-01 (inclusive) to 2200-01-01 (exclusive) UTC when given. The default is
    /// <see langword="null"/>: the logger's <see cref="TimeProvider"/> time when <see cref="ICallLogger.LogCallSafe(CallRecord)"/>
    /// is called.
    /// </summary>
    public DateTimeOffset? AlertSentAt { get; init; }

    /// <summary><c>expires_at</c>: when the opportunity is expected to close. From 2000-01-01 (inclusive) to 2200-01-01 (exclusive) UTC when given. The default is <see langword="null"/>.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>
    /// How many users this send reached; added to <c>total_users_notified</c> (logging the same id again is a
    /// re-broadcast and adds again). Not negative. The default is <see langword="null"/>: the number of
    /// <see cref="NotifiedUserIds"/> when given, otherwise 1.
    /// </summary>
    public int? UsersNotified { get; init; }

    /// <summary>
    /// Who received the alert, for per-user analysis. Sinks that keep per-user data store one row per distinct user.
    /// Copied (enumerated once) before <see cref="ICallLogger.LogCallSafe(CallRecord)"/> returns; at most
    /// <see cref="CallLoggerOptions.MaxNotifiedUsers"/> ids, and its <c>Count</c> must match what it enumerates.
    /// The default is <see langword="null"/> (not tracked per user).
    /// </summary>
    public IReadOnlyList<long>? NotifiedUserIds { get; init; }

    /// <summary><c>line_movement_speed</c>, when already known. The default is <see langword="null"/>.</summary>
    public LineMovementSpeed? LineMovementSpeed { get; init; }

    /// <summary><c>data_source</c>: which feed found the opportunity. The default is <see langword="null"/>.</summary>
    public string? DataSource { get; init; }

    /// <summary>
    /// <c>raw_data</c>: free-form extra data, serialized to compact JSON text before
    /// <see cref="ICallLogger.LogCallSafe(CallRecord)"/> returns; sinks store that text. At most
    /// <see cref="CallLoggerOptions.MaxRawDataProperties"/> top-level properties, <see cref="CallLoggerOptions.MaxRawDataDepth"/>
    /// levels deep and <see cref="CallLoggerOptions.MaxRawDataBytes"/> bytes of JSON; no NaN or infinite number anywhere;
    /// no value whose serialization throws. The default is <see langword="null"/>.
    /// </summary>
    public JsonObject? RawData { get; init; }
}
