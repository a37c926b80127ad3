namespace SafeCallLogger.PostgreSql.Tests.Support;

/// <summary>Calls and operations for tests.</summary>
internal static class TestData
{
    public static readonly DateTimeOffset Start = new(2026, 3, 14, 18, 30, 0, TimeSpan.Zero);

    public static CallRecord Call(string id, string? league = "NBA", IReadOnlyList<long>? users = null, DateTimeOffset? sentAt = null, CallType type = CallType.Arbitrage, string sport = "basketball_nba", string teamA = "Lakers") => new()
    {
        CallId = id,
        CallType = type,
        Sport = sport,
        League = league,
        TeamA = teamA,
        TeamB = "Celtics",
        MatchDate = Start.Date,
        MatchCommenceTime = Start.AddHours(2),
        BookmakerA = "bet365",
        BookmakerB = "pinnacle",
        MarketType = "h2h",
        OddsA = 2.10,
        OddsB = 2.05,
        RoiPercent = 3.7,
        AlertSentAt = sentAt,
        NotifiedUserIds = users,
        DataSource = "odds_api",
        RawData = new System.Text.Json.Nodes.JsonObject { ["note"] = "a \"quoted\", comma" },
    };

    public static CallOperation Upsert(string id, int usersNotified = 1, CallRecord? call = null, DateTimeOffset? at = null) => new()
    {
        OperationId = Guid.NewGuid(),
        Kind = CallOperationKind.UpsertCall,
        CallId = id,
        Timestamp = at ?? Start,
        Call = call ?? Call(id),
        RawDataJson = "{\"edge\":1.5}",
        UsersNotified = usersNotified,
    };

    public static CallOperation Click(string id, long? user) => new()
    {
        OperationId = Guid.NewGuid(),
        Kind = CallOperationKind.AddClick,
        CallId = id,
        Timestamp = Start.AddMinutes(1),
        UserId = user,
    };
}
