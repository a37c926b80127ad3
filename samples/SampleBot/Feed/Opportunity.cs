using SafeCallLogger;

namespace SampleBot.Feed;

/// <summary>One opportunity the feed found, with what the bot needs to send it and, later, to settle it.</summary>
internal sealed record Opportunity
{
    public required CallType Type { get; init; }
    public required string Sport { get; init; }
    public required string League { get; init; }
    public required string TeamA { get; init; }
    public required string TeamB { get; init; }
    public required DateTimeOffset CommenceTime { get; init; }
    public required string MarketType { get; init; }
    /// <summary>What side A / side B mean, e.g. "Lakers" or "Over 210.5".</summary>
    public required string SideA { get; init; }
    public required string SideB { get; init; }
    public required string BookmakerA { get; init; }
    public required string BookmakerB { get; init; }
    public required double OddsA { get; init; }
    public required double OddsB { get; init; }
    public required double StakeA { get; init; }
    public required double StakeB { get; init; }
    public required double RoiPercent { get; init; }
    public required double ExpectedProfit { get; init; }
    /// <summary>The simulation's truth: probability that side A wins (for a middle: that the result lands in the window).</summary>
    public required double ProbabilityA { get; init; }
    public double MiddleProbability { get; init; }

    public double TotalStake => StakeA + StakeB;

    public CallRecord ToCallRecord(DateTimeOffset sentAt, IReadOnlyList<long> notifiedUserIds) => new()
    {
        CallType = Type,
        Sport = Sport,
        League = League,
        TeamA = TeamA,
        TeamB = TeamB,
        MatchDate = CommenceTime.UtcDateTime.Date,
        MatchCommenceTime = CommenceTime,
        BookmakerA = BookmakerA,
        BookmakerB = BookmakerB,
        MarketType = MarketType,
        OddsA = OddsA,
        OddsB = OddsB,
        RecommendedStakeA = ArbitrageMath.Round2(StakeA),
        RecommendedStakeB = ArbitrageMath.Round2(StakeB),
        TotalStake = ArbitrageMath.Round2(TotalStake),
        ExpectedProfit = ArbitrageMath.Round2(ExpectedProfit),
        RoiPercent = Math.Round(RoiPercent, 3),
        AlertSentAt = sentAt,
        ExpiresAt = sentAt.AddMinutes(Type == CallType.Arbitrage ? 15 : 45),
        NotifiedUserIds = notifiedUserIds,
        DataSource = "simulated-feed",
        RawData = new System.Text.Json.Nodes.JsonObject
        {
            ["side_a"] = SideA,
            ["side_b"] = SideB,
        },
    };
}
