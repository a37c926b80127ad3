namespace SampleBot.Feed;

/// <summary>The betting math behind the alerts: two-way arbitrage, middles and expected value, from decimal odds.</summary>
internal static class ArbitrageMath
{
    /// <summary>1/oa + 1/ob: below 1 the two prices together guarantee a profit.</summary>
    public static double ImpliedSum(double oddsA, double oddsB) => (1 / oddsA) + (1 / oddsB);

    public static bool IsArbitrage(double oddsA, double oddsB) => ImpliedSum(oddsA, oddsB) < 1;

    /// <summary>Return on the total stake whichever side wins: 1 / (1/oa + 1/ob) − 1, as a fraction (0.02 = 2 %).</summary>
    public static double ArbitrageRoi(double oddsA, double oddsB) => (1 / ImpliedSum(oddsA, oddsB)) - 1;

    /// <summary>
    /// Splits <paramref name="bankroll"/> in proportion to 1/odds, so both sides pay the same:
    /// stakeA × oa = stakeB × ob = bankroll / (1/oa + 1/ob).
    /// </summary>
    public static (double StakeA, double StakeB) EqualPayoutStakes(double oddsA, double oddsB, double bankroll)
    {
        var sum = ImpliedSum(oddsA, oddsB);
        return (bankroll * (1 / oddsA) / sum, bankroll * (1 / oddsB) / sum);
    }

    /// <summary>The fair (no-vig) probability of side A from a sharp book's two prices.</summary>
    public static double FairProbabilityA(double sharpOddsA, double sharpOddsB) =>
        (1 / sharpOddsA) / ImpliedSum(sharpOddsA, sharpOddsB);

    /// <summary>Expected value of one unit staked at <paramref name="odds"/> with win probability <paramref name="probability"/>: odds × p − 1.</summary>
    public static double ExpectedValue(double odds, double probability) => (odds * probability) - 1;

    /// <summary>
    /// Expected return of a middle bought with equal-payout stakes: when the result lands in the window both bets win,
    /// otherwise exactly one does.
    /// </summary>
    public static double MiddleExpectedRoi(double oddsA, double oddsB, double middleProbability)
    {
        var (stakeA, stakeB) = EqualPayoutStakes(oddsA, oddsB, 1);
        var bothWin = (stakeA * oddsA) + (stakeB * oddsB) - 1;
        var oneWins = (stakeA * oddsA) - 1;
        return (middleProbability * bothWin) + ((1 - middleProbability) * oneWins);
    }

    public static double Round2(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
