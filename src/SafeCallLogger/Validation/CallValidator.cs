namespace SafeCallLogger.Validation;

/// <summary>Checks input on the caller's thread: cheap, allocation-free, and specific about what is wrong.</summary>
internal static class CallValidator
{
    /// <summary>The earliest date accepted in a call (inclusive): anything older would be deleted by the next retention run.</summary>
    public static readonly DateTimeOffset MinDate = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The latest date accepted in a call (exclusive): a year-9999 send time would pin <c>MAX(alert_sent_at)</c> for good.</summary>
    public static readonly DateTimeOffset MaxDate = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static (RejectionReason Reason, string? Field) Validate(CallRecord? call, int maxStringLength, int maxRawDataProperties)
    {
        if (call is null)
        {
            return (RejectionReason.MissingCall, "call");
        }

        if (call.CallId is not null && !CallIds.IsValid(call.CallId))
        {
            return (RejectionReason.InvalidCallId, "call_id");
        }

        if (!Enum.IsDefined(call.CallType))
        {
            return (RejectionReason.UnknownEnumValue, "call_type");
        }

        if (Required(call.TeamA, "team_a", RejectionReason.MissingTeam, maxStringLength) is { Reason: not RejectionReason.None } teamA)
        {
            return teamA;
        }

        if (Required(call.TeamB, "team_b", RejectionReason.MissingTeam, maxStringLength) is { Reason: not RejectionReason.None } teamB)
        {
            return teamB;
        }

        if (Required(call.BookmakerA, "bookmaker_a", RejectionReason.MissingBookmaker, maxStringLength) is { Reason: not RejectionReason.None } bookA)
        {
            return bookA;
        }

        if (Required(call.BookmakerB, "bookmaker_b", RejectionReason.MissingBookmaker, maxStringLength) is { Reason: not RejectionReason.None } bookB)
        {
            return bookB;
        }

        if (Optional(call.Sport, "sport", maxStringLength) is { Reason: not RejectionReason.None } sport)
        {
            return sport;
        }

        if (Optional(call.League, "league", maxStringLength) is { Reason: not RejectionReason.None } league)
        {
            return league;
        }

        if (Optional(call.MarketType, "market_type", maxStringLength) is { Reason: not RejectionReason.None } market)
        {
            return market;
        }

        if (Optional(call.DataSource, "data_source", maxStringLength) is { Reason: not RejectionReason.None } source)
        {
            return source;
        }

        if (CheckOdds(call.OddsA, "odds_a") is { Reason: not RejectionReason.None } oddsA)
        {
            return oddsA;
        }

        if (CheckOdds(call.OddsB, "odds_b") is { Reason: not RejectionReason.None } oddsB)
        {
            return oddsB;
        }

        if (!double.IsFinite(call.RoiPercent))
        {
            return (RejectionReason.NonFiniteNumber, "roi_percent");
        }

        if (Amount(call.RecommendedStakeA, "recommended_stake_a", allowNegative: false) is { Reason: not RejectionReason.None } stakeA)
        {
            return stakeA;
        }

        if (Amount(call.RecommendedStakeB, "recommended_stake_b", allowNegative: false) is { Reason: not RejectionReason.None } stakeB)
        {
            return stakeB;
        }

        if (Amount(call.TotalStake, "total_stake", allowNegative: false) is { Reason: not RejectionReason.None } total)
        {
            return total;
        }

        if (Amount(call.ExpectedProfit, "expected_profit", allowNegative: true) is { Reason: not RejectionReason.None } profit)
        {
            return profit;
        }

        if (call.UsersNotified < 0)
        {
            return (RejectionReason.NegativeValue, "total_users_notified");
        }

        if (call.LineMovementSpeed is { } speed && !Enum.IsDefined(speed))
        {
            return (RejectionReason.UnknownEnumValue, "line_movement_speed");
        }

        if (Date(call.AlertSentAt, "alert_sent_at") is { Reason: not RejectionReason.None } sentAt)
        {
            return sentAt;
        }

        if (Date(call.ExpiresAt, "expires_at") is { Reason: not RejectionReason.None } expires)
        {
            return expires;
        }

        if (Date(call.MatchDate, "match_date") is { Reason: not RejectionReason.None } matchDate)
        {
            return matchDate;
        }

        if (Date(call.MatchCommenceTime, "match_commence_time") is { Reason: not RejectionReason.None } commence)
        {
            return commence;
        }

        if (call.RawData is { } raw && raw.Count > maxRawDataProperties)
        {
            return (RejectionReason.RawDataTooLarge, "raw_data");
        }

        return (RejectionReason.None, null);
    }

    public static (RejectionReason Reason, string? Field) CheckOdds(Odds odds, string field)
    {
        if (!Enum.IsDefined(odds.Format))
        {
            return (RejectionReason.UnknownEnumValue, field);
        }

        if (!double.IsFinite(odds.Value))
        {
            return (RejectionReason.NonFiniteNumber, field);
        }

        return odds.IsValid ? (RejectionReason.None, null) : (RejectionReason.InvalidOdds, field);
    }

    public static (RejectionReason Reason, string? Field) Amount(double? value, string field, bool allowNegative)
    {
        if (value is not { } v)
        {
            return (RejectionReason.None, null);
        }

        if (!double.IsFinite(v))
        {
            return (RejectionReason.NonFiniteNumber, field);
        }

        return !allowNegative && v < 0 ? (RejectionReason.NegativeValue, field) : (RejectionReason.None, null);
    }

    private static (RejectionReason Reason, string? Field) Date(DateTimeOffset? value, string field) =>
        value is { } d && (d < MinDate || d >= MaxDate) ? (RejectionReason.DateOutOfRange, field) : (RejectionReason.None, null);

    private static (RejectionReason Reason, string? Field) Required(string? value, string field, RejectionReason missing, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return (missing, field);
        }

        return value.Length > maxLength ? (RejectionReason.StringTooLong, field) : (RejectionReason.None, null);
    }

    private static (RejectionReason Reason, string? Field) Optional(string? value, string field, int maxLength) =>
        value is not null && value.Length > maxLength ? (RejectionReason.StringTooLong, field) : (RejectionReason.None, null);
}
