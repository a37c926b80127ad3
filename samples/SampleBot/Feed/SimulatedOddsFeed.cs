using SafeCallLogger;

namespace SampleBot.Feed;

/// <summary>
/// A deterministic stand-in for an odds API: each scan prices one match at several bookmakers (a fair price, each
/// book's margin, some noise) and keeps it when the best prices form an arbitrage, a middle or a good-EV bet.
/// </summary>
internal sealed class SimulatedOddsFeed(int seed, double bankroll = 1000)
{
    private const string SharpBook = "Pinnacle";

    private static readonly string[] SoftBooks = ["Bet365", "Unibet", "Betway", "William Hill", "Bwin", "888sport", "Betclic", "Winamax"];

    private static readonly (string Sport, string League, string[] Teams, double TotalLine)[] Sports =
    [
        ("basketball_nba", "NBA", ["Lakers", "Celtics", "Warriors", "Bucks", "Nuggets", "Heat", "Knicks", "Suns"], 224),
        ("soccer_epl", "Premier League", ["Arsenal", "Chelsea", "Liverpool", "Man City", "Spurs", "Newcastle", "Villa", "Everton"], 2.5),
        ("tennis_atp", "ATP Tour", ["Sinner", "Alcaraz", "Djokovic", "Zverev", "Medvedev", "Rune", "Fritz", "Ruud"], 22),
        ("icehockey_nhl", "NHL", ["Rangers", "Bruins", "Oilers", "Avalanche", "Panthers", "Stars", "Kings", "Jets"], 6),
    ];

    private readonly Random _random = new(seed);

    /// <summary>Scans until an opportunity shows up (a real feed would poll an API).</summary>
    public Opportunity Next(DateTimeOffset now)
    {
        while (true)
        {
            var found = Scan(now);
            if (found is not null)
            {
                return found;
            }
        }
    }

    private Opportunity? Scan(DateTimeOffset now)
    {
        var (sport, league, teams, totalLine) = Sports[_random.Next(Sports.Length)];
        var a = _random.Next(teams.Length);
        var b = (a + 1 + _random.Next(teams.Length - 1)) % teams.Length;
        var commence = now.AddMinutes(30 + _random.Next(240));
        var match = new Match(sport, league, teams[a], teams[b], commence);
        return _random.NextDouble() < 0.3 ? ScanTotals(match, totalLine) : ScanMoneyline(match);
    }

    private Opportunity? ScanMoneyline(Match match)
    {
        var fairA = 0.3 + (0.4 * _random.NextDouble());
        var (sharpA, sharpB) = Price(fairA, 0.025, 0.005);
        var bestA = (Book: SharpBook, Odds: sharpA);
        var bestB = (Book: SharpBook, Odds: sharpB);
        foreach (var book in SoftBooks)
        {
            var (oa, ob) = Price(fairA, 0.04 + (0.03 * _random.NextDouble()), 0.035);
            if (oa > bestA.Odds)
            {
                bestA = (book, oa);
            }

            if (ob > bestB.Odds)
            {
                bestB = (book, ob);
            }
        }

        var probabilityA = ArbitrageMath.FairProbabilityA(sharpA, sharpB);
        if (bestA.Book != bestB.Book && ArbitrageMath.IsArbitrage(bestA.Odds, bestB.Odds))
        {
            var roi = ArbitrageMath.ArbitrageRoi(bestA.Odds, bestB.Odds);
            var (stakeA, stakeB) = ArbitrageMath.EqualPayoutStakes(bestA.Odds, bestB.Odds, bankroll);
            return Build(match, CallType.Arbitrage, "h2h", match.TeamA, match.TeamB, bestA, bestB, stakeA, stakeB, roi, bankroll * roi, probabilityA);
        }

        // Good EV: a soft book's price above the sharp book's fair price. Side B is the sharp reference, not bet.
        var ev = ArbitrageMath.ExpectedValue(bestA.Odds, probabilityA);
        if (bestA.Book != SharpBook && ev >= 0.02)
        {
            var stake = bankroll * 0.02;
            return Build(match, CallType.GoodEv, "h2h", match.TeamA, match.TeamB, bestA, (SharpBook, sharpB), stake, 0, ev, stake * ev, probabilityA);
        }

        return null;
    }

    private Opportunity? ScanTotals(Match match, double baseLine)
    {
        // Books hang different totals; over the lowest line and under the highest one leaves a window where both win.
        var step = baseLine < 10 ? 0.5 : 1.0;
        var overBook = SoftBooks[_random.Next(SoftBooks.Length)];
        var underBook = SoftBooks[_random.Next(SoftBooks.Length)];
        var overLine = baseLine - (step * _random.Next(0, 3)) + 0.5;
        var underLine = baseLine + (step * _random.Next(0, 3)) + 0.5;
        if (overBook == underBook || underLine <= overLine)
        {
            return null;
        }

        var (overOdds, _) = Price(0.5, 0.045, 0.03);
        var (_, underOdds) = Price(0.5, 0.045, 0.03);
        var middleProbability = Math.Min(0.15, 0.035 * (underLine - overLine) / step);
        var roi = ArbitrageMath.MiddleExpectedRoi(overOdds, underOdds, middleProbability);
        if (roi < 0.01)
        {
            return null;
        }

        var (stakeA, stakeB) = ArbitrageMath.EqualPayoutStakes(overOdds, underOdds, bankroll);
        return Build(
            match,
            CallType.Middle,
            "totals",
            $"Over {overLine}",
            $"Under {underLine}",
            (overBook, overOdds),
            (underBook, underOdds),
            stakeA,
            stakeB,
            roi,
            bankroll * roi,
            0.5) with { MiddleProbability = middleProbability };
    }

    private (double A, double B) Price(double fairA, double margin, double noise)
    {
        var oa = 1 / (fairA * (1 + margin)) * (1 + (noise * Gaussian()));
        var ob = 1 / ((1 - fairA) * (1 + margin)) * (1 + (noise * Gaussian()));
        return (Math.Max(1.01, ArbitrageMath.Round2(oa)), Math.Max(1.01, ArbitrageMath.Round2(ob)));
    }

    private double Gaussian()
    {
        // Box-Muller: System.Random has no normal distribution of its own.
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static Opportunity Build(
        Match match,
        CallType type,
        string market,
        string sideA,
        string sideB,
        (string Book, double Odds) a,
        (string Book, double Odds) b,
        double stakeA,
        double stakeB,
        double roi,
        double expectedProfit,
        double probabilityA) => new()
        {
            Type = type,
            Sport = match.Sport,
            League = match.League,
            TeamA = match.TeamA,
            TeamB = match.TeamB,
            CommenceTime = match.Commence,
            MarketType = market,
            SideA = sideA,
            SideB = sideB,
            BookmakerA = a.Book,
            BookmakerB = b.Book,
            OddsA = a.Odds,
            OddsB = b.Odds,
            StakeA = stakeA,
            StakeB = stakeB,
            RoiPercent = roi * 100,
            ExpectedProfit = expectedProfit,
            ProbabilityA = probabilityA,
        };

    private sealed record Match(string Sport, string League, string TeamA, string TeamB, DateTimeOffset Commence);
}
