namespace SafeCallLogger.Tests.Sinks;

/// <summary>What a sink stored for one call: the totals every sink keeps, read back through the sink's own query side.</summary>
public sealed record StoredTotals(
    int TotalUsersNotified,
    int TotalUsersBet,
    int AlertClickedCount,
    CallOutcome? ActualOutcome,
    double? ActualProfit,
    double? ClosingLineA,
    double? ClosingLineB,
    double? ClvA,
    double? ClvB,
    LineMovementSpeed? LineMovementSpeed);

/// <summary>The calls and operations the conformance tests write.</summary>
public abstract partial class CallSinkConformanceTests
{
    protected static readonly DateTimeOffset Start = new(2026, 3, 14, 18, 30, 0, TimeSpan.Zero);

    protected static CallRecord NewCall(string id, string? league = "NBA", LineMovementSpeed? speed = null) => new()
    {
        CallId = id,
        CallType = CallType.Arbitrage,
        Sport = "basketball_nba",
        League = league,
        TeamA = "Lakers",
        TeamB = "Celtics",
        MatchDate = Start.Date,
        MatchCommenceTime = Start.AddHours(2),
        BookmakerA = "bet365",
        BookmakerB = "pinnacle",
        MarketType = "h2h",
        OddsA = 2.10,
        OddsB = 2.05,
        RecommendedStakeA = 49.4,
        RecommendedStakeB = 50.6,
        TotalStake = 100,
        ExpectedProfit = 3.7,
        RoiPercent = 3.7,
        AlertSentAt = Start,
        ExpiresAt = Start.AddMinutes(15),
        DataSource = "odds_api",
        LineMovementSpeed = speed,
    };

    protected static CallOperation Upsert(string id, int usersNotified = 1, CallRecord? call = null) => new()
    {
        OperationId = Guid.NewGuid(),
        Kind = CallOperationKind.UpsertCall,
        CallId = id,
        Timestamp = Start,
        Call = call ?? NewCall(id),
        RawDataJson = "{\"edge\":1.5}",
        UsersNotified = usersNotified,
    };

    protected static CallOperation Click(string id, long? user) => new()
    {
        OperationId = Guid.NewGuid(),
        Kind = CallOperationKind.AddClick,
        CallId = id,
        Timestamp = Start.AddMinutes(1),
        UserId = user,
    };

    protected static CallOperation Result(string id, CallOutcome outcome, double? profit) => new()
    {
        OperationId = Guid.NewGuid(),
        Kind = CallOperationKind.SetResult,
        CallId = id,
        Timestamp = Start.AddHours(3),
        Outcome = outcome,
        Profit = profit,
    };

    protected static CallOperation Closing(string id, Odds a, Odds b, LineMovementSpeed? speed = null) => new()
    {
        OperationId = Guid.NewGuid(),
        Kind = CallOperationKind.SetClosingLines,
        CallId = id,
        Timestamp = Start.AddHours(2),
        ClosingLineA = a,
        ClosingLineB = b,
        LineMovementSpeed = speed,
    };
}
