namespace SafeCallLogger.Tests.Support;

/// <summary>Valid call records for tests.</summary>
internal static class Calls
{
    public static CallRecord Arbitrage(int n = 0, string? callId = null, int? usersNotified = null) => new()
    {
        CallId = callId,
        CallType = CallType.Arbitrage,
        Sport = "basketball_nba",
        League = "NBA",
        TeamA = $"Lakers {n}",
        TeamB = "Celtics",
        BookmakerA = "bet365",
        BookmakerB = "pinnacle",
        MarketType = "h2h",
        OddsA = 2.10,
        OddsB = Odds.FromAmerican(+110),
        RecommendedStakeA = 50,
        RecommendedStakeB = 50,
        TotalStake = 100,
        ExpectedProfit = 5,
        RoiPercent = 5,
        UsersNotified = usersNotified,
    };
}
