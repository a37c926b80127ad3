namespace SafeCallLogger.Benchmarks.Infrastructure;

/// <summary>Realistic calls as the bot builds them: the caller's record, allocated once outside the measurement.</summary>
public static class Calls
{
    public static readonly DateTimeOffset BaseTime = new(2026, 11, 21, 20, 0, 0, TimeSpan.Zero);

    /// <summary>An arbitrage call. <paramref name="callId"/> null lets the logger derive the id; no AlertSentAt, so the logger reads its clock, as in the bot.</summary>
    public static CallRecord Arbitrage(string? callId, int index = 0, bool withTime = false, System.Text.Json.Nodes.JsonObject? rawData = null) => new()
    {
        CallId = callId,
        CallType = CallType.Arbitrage,
        Sport = "basketball_nba",
        League = "NBA",
        TeamA = "Los Angeles Lakers",
        TeamB = "Boston Celtics " + (index % 1000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        BookmakerA = "pinnacle",
        BookmakerB = "bet365",
        MarketType = "h2h",
        OddsA = 2.10,
        OddsB = Odds.FromAmerican(+105),
        RecommendedStakeA = 49.4,
        RecommendedStakeB = 50.6,
        TotalStake = 100,
        ExpectedProfit = 3.74,
        RoiPercent = 3.74,
        UsersNotified = 120,
        DataSource = "odds-api",
        AlertSentAt = withTime ? BaseTime.AddSeconds(index) : null,
        RawData = rawData,
    };

    /// <summary>A typical 10-field <c>raw_data</c> object, as a feed attaches to an alert.</summary>
    public static System.Text.Json.Nodes.JsonObject RawData10() => new()
    {
        ["feed"] = "odds-api",
        ["region"] = "eu",
        ["event_id"] = "e3b0c44298fc1c149afb",
        ["line_a"] = 2.10,
        ["line_b"] = 2.05,
        ["implied_a"] = 0.4762,
        ["implied_b"] = 0.4878,
        ["edge_percent"] = 3.74,
        ["live"] = false,
        ["seen_at"] = "2026-11-21T20:00:00Z",
    };

    /// <summary>The operation the logger builds for <see cref="Arbitrage"/>: what the floor writes.</summary>
    public static CallOperation Operation(CallRecord call, string callId) => new()
    {
        Kind = CallOperationKind.UpsertCall,
        CallId = callId,
        Timestamp = BaseTime,
        Call = call,
        UsersNotified = 120,
    };
}
