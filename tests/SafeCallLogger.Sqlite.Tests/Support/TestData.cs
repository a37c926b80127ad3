namespace SafeCallLogger.Sqlite.Tests.Support;

/// <summary>Calls and operations for tests.</summary>
internal static class TestData
{
    public static readonly DateTimeOffset Start = new(2026, 3, 14, 18, 30, 0, TimeSpan.Zero);

    public static CallRecord Call(
        string? id = null,
        CallType type = CallType.Arbitrage,
        string? sport = "basketball_nba",
        Odds? oddsA = null,
        Odds? oddsB = null,
        IReadOnlyList<long>? users = null,
        DateTimeOffset? sentAt = null,
        string teamA = "Lakers") => new()
        {
            CallId = id,
            CallType = type,
            Sport = sport,
            League = "NBA",
            TeamA = teamA,
            TeamB = "Celtics",
            MatchDate = Start.Date,
            MatchCommenceTime = Start.AddHours(2),
            BookmakerA = "bet365",
            BookmakerB = "pinnacle",
            MarketType = "h2h",
            OddsA = oddsA ?? 2.10,
            OddsB = oddsB ?? 2.05,
            RecommendedStakeA = 49.4,
            RecommendedStakeB = 50.6,
            TotalStake = 100,
            ExpectedProfit = 3.7,
            RoiPercent = 3.7,
            AlertSentAt = sentAt,
            ExpiresAt = Start.AddMinutes(15),
            NotifiedUserIds = users,
            DataSource = "odds_api",
            RawData = new System.Text.Json.Nodes.JsonObject { ["note"] = "a \"quoted\", comma" },
        };

    public static CallOperation Upsert(string id, int usersNotified = 1, IReadOnlyList<long>? users = null, DateTimeOffset? at = null, CallRecord? call = null, CallType type = CallType.Arbitrage, string? sport = "basketball_nba") => new()
    {
        OperationId = Guid.NewGuid(),
        Kind = CallOperationKind.UpsertCall,
        CallId = id,
        Timestamp = at ?? Start,
        Call = call ?? Call(id, type, sport, users: users),
        UsersNotified = usersNotified,
    };

    public static CallOperation Click(string id, long? user = null) => new()
    {
        OperationId = Guid.NewGuid(),
        Kind = CallOperationKind.AddClick,
        CallId = id,
        Timestamp = Start.AddMinutes(1),
        UserId = user,
    };

    public static CallOperation Result(string id, CallOutcome outcome, double? profit) => new()
    {
        OperationId = Guid.NewGuid(),
        Kind = CallOperationKind.SetResult,
        CallId = id,
        Timestamp = Start.AddHours(3),
        Outcome = outcome,
        Profit = profit,
    };

    public static CallOperation Closing(string id, Odds a, Odds b, LineMovementSpeed? speed = null) => new()
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
