using System.Text.Json.Nodes;

namespace SafeCallLogger.Tests.Support;

/// <summary>
/// Operations of every kind for serialization tests (journal codecs, JSON): with every field set, whatever the kind,
/// or with every nullable field null. Compare them with <see cref="OperationAssert.Equivalent"/>.
/// </summary>
internal static class Operations
{
    public static readonly DateTimeOffset At = new(2026, 11, 21, 20, 0, 0, TimeSpan.FromHours(2));

    public static IEnumerable<CallOperationKind> Kinds => [CallOperationKind.UpsertCall, CallOperationKind.AddClick, CallOperationKind.SetResult, CallOperationKind.SetClosingLines];

    /// <summary>Every property of the record set, none at its default, the user ids a private array as the snapshot makes.</summary>
    public static CallRecord FullCall(JsonObject? rawData = null) => new()
    {
        CallId = "3f2a9c0d1e4b5a67",
        CallType = CallType.Middle,
        Sport = "basketball_nba",
        League = "NBA",
        TeamA = "Los Angeles Lakers",
        TeamB = "Boston Celtics",
        MatchDate = new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.FromHours(-5)),
        MatchCommenceTime = new DateTimeOffset(2026, 11, 22, 19, 30, 0, TimeSpan.FromMinutes(330)),
        BookmakerA = "pinnacle",
        BookmakerB = "bet365",
        MarketType = "spreads",
        OddsA = 2.10,
        OddsB = Odds.FromAmerican(-115),
        RecommendedStakeA = 49.4,
        RecommendedStakeB = 50.6,
        TotalStake = 100,
        ExpectedProfit = -3.74,
        RoiPercent = 3.74,
        AlertSentAt = At,
        ExpiresAt = At.AddMinutes(15),
        UsersNotified = 120,
        NotifiedUserIds = new long[] { 1, -2, long.MaxValue, long.MinValue, 7_000_000_001 },
        LineMovementSpeed = LineMovementSpeed.Slow,
        DataSource = "odds-api",
        RawData = rawData,
    };

    /// <summary>Only the required properties; every nullable one is null.</summary>
    public static CallRecord MinimalCall() => new()
    {
        CallType = CallType.Arbitrage,
        TeamA = "A",
        TeamB = "B",
        BookmakerA = "x",
        BookmakerB = "y",
        OddsA = 2.0,
        OddsB = 2.0,
        RoiPercent = 0,
    };

    /// <summary>Every property of the operation set, whatever <paramref name="kind"/> says is used.</summary>
    public static CallOperation Full(CallOperationKind kind, CallRecord? call = null) => new()
    {
        OperationId = new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"),
        Kind = kind,
        CallId = "3f2a9c0d1e4b5a67",
        Timestamp = At,
        Call = call ?? FullCall(),
        RawDataJson = """{"feed":"odds-api","line_a":2.1}""",
        UsersNotified = 120,
        UserId = 123_456_789_012,
        Outcome = CallOutcome.BWon,
        Profit = -12.5,
        ClosingLineA = Odds.FromAmerican(+105),
        ClosingLineB = 1.95,
        LineMovementSpeed = LineMovementSpeed.Fast,
    };

    /// <summary>Every nullable property of the operation null (and the record, for an upsert, minimal).</summary>
    public static CallOperation Nullable(CallOperationKind kind) => new()
    {
        OperationId = Guid.Empty,
        Kind = kind,
        CallId = "c",
        Timestamp = At,
        Call = kind == CallOperationKind.UpsertCall ? MinimalCall() : null,
    };

    /// <summary>The upsert the logger makes for the benchmarks' typical call (benchmarks' <c>Calls.Arbitrage</c>).</summary>
    public static CallOperation TypicalUpsert() => new()
    {
        OperationId = Guid.NewGuid(),
        Kind = CallOperationKind.UpsertCall,
        CallId = "3f2a9c0d1e4b5a67",
        Timestamp = new DateTimeOffset(2026, 11, 21, 20, 0, 0, TimeSpan.Zero),
        UsersNotified = 120,
        Call = new CallRecord
        {
            CallId = "3f2a9c0d1e4b5a67",
            CallType = CallType.Arbitrage,
            Sport = "basketball_nba",
            League = "NBA",
            TeamA = "Los Angeles Lakers",
            TeamB = "Boston Celtics 0",
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
        },
    };

    /// <summary>The click the logger makes for <c>IncrementClickSafe("3f2a9c0d1e4b5a67", 42)</c>.</summary>
    public static CallOperation TypicalClick() => new()
    {
        OperationId = Guid.NewGuid(),
        Kind = CallOperationKind.AddClick,
        CallId = "3f2a9c0d1e4b5a67",
        Timestamp = new DateTimeOffset(2026, 11, 21, 20, 0, 5, TimeSpan.Zero),
        UserId = 42,
    };
}
