namespace SampleBot.Offline;

/// <summary>A pretend subscriber: which sports they like, the ROI they want, and whether they blocked the bot.</summary>
internal sealed record SimulatedUser(long Id, string Name, string FavouriteSport, double MinRoiPercent, double Appetite, bool BlockedBot)
{
    public static IReadOnlyList<SimulatedUser> Create(int count, int seed)
    {
        string[] names = ["alice", "bob", "chloe", "dmitri", "emma", "farid", "gina", "hugo", "ines", "jules", "kenji", "lea", "marco", "nadia", "oscar", "paula", "quentin", "rosa", "sami", "tess"];
        string[] sports = ["basketball_nba", "soccer_epl", "tennis_atp", "icehockey_nhl"];
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i => new SimulatedUser(
            1001 + i,
            names[i % names.Length] + (i >= names.Length ? (i / names.Length).ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty),
            sports[random.Next(sports.Length)],
            1 + (3 * random.NextDouble()),
            0.1 + (0.3 * random.NextDouble()),
            BlockedBot: i % 9 == 8))];
    }

    /// <summary>How likely this user is to press I BET on an alert.</summary>
    public double ClickProbability(string sport, double roiPercent) =>
        Appetite * (sport == FavouriteSport ? 2 : 1) * (roiPercent >= MinRoiPercent ? 1.5 : 0.5);
}
