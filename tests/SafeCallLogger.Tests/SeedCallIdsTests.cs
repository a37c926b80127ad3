using System.Globalization;
using System.Text.Json;
using SafeCallLogger.Internal;

namespace SafeCallLogger.Tests;

/// <summary>The opt-in seed id recipe against the seed's own Python function (tests/Shared/Python/seed_call_id.py).</summary>
public sealed class SeedCallIdsTests
{
    private static readonly DateTimeOffset Evening = new(2026, 3, 14, 18, 30, 0, TimeSpan.Zero);

    // 2026-03-29 01:00 UTC: Paris moves from 02:00 CET to 03:00 CEST.
    private static readonly DateTimeOffset SpringForward = new(2026, 3, 29, 1, 0, 0, TimeSpan.Zero);

    private static TimeZoneInfo Paris => TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Theory]
    [InlineData(2.0, "2.0")]
    [InlineData(2.1, "2.1")]
    [InlineData(2.05, "2.05")]
    [InlineData(-110.0, "-110.0")]
    [InlineData(150.0, "150.0")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(1e16, "1e+16")]
    [InlineData(123456789012345678.0, "1.2345678901234568e+17")]
    [InlineData(1.0000000000000002, "1.0000000000000002")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    [InlineData(1.5e-7, "1.5e-07")]
    [InlineData(1e100, "1e+100")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(double.NaN, "nan")]
    [InlineData(double.NegativeInfinity, "-inf")]
    public void PythonFloatRepr_KnownValues_MatchPythonRepr(double value, string expected)
    {
        // Expected values printed by python3: repr(v) for each v.
        Assert.Equal(expected, PythonFloat.Repr(value));
    }

    [Fact]
    public async Task PythonFloatRepr_ManyValues_MatchPython3()
    {
        var random = new Random(13);
        var values = Enumerable.Range(0, 400).Select(i => i switch
        {
            < 100 => Math.Round(1 + (random.NextDouble() * 9), 2),
            < 200 => Math.Round(-1000 + (random.NextDouble() * 2000)),
            < 300 => random.NextDouble() * Math.Pow(10, random.Next(-12, 22)),
            _ => BitConverter.Int64BitsToDouble(random.NextInt64(0, 0x7FEFFFFFFFFFFFFF)),
        }).ToArray();

        var expected = await Python3.RunAsync("float_repr.py", string.Join('\n', values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "\n");

        Assert.Equal(expected, values.Select(PythonFloat.Repr));
    }

    [Theory]
    [InlineData("Lakers", "Celtics", "bet365", "pinnacle", 2.1, 2.05, "a7a543f6550b8369")]
    [InlineData("Real Madrid", "Barça", "Betclic", "Unibet", 1.9, 2.0, "9349082a92a23524")]
    [InlineData("A", "B", "x", "y", -110.0, 150.0, "19a5be625586cfcc")]
    [InlineData("A", "B", "x", "y", 1e16, 0.00001, "9e638c2f7116b73d")]
    [InlineData("A", "B", "x", "y", 3.0, 1.0000000000000002, "5dfc9e209ea55c85")]
    public void ComputePythonBotCompatible_KnownAlerts_MatchTheSeedsPythonFunction(string teamA, string teamB, string bookA, string bookB, double oddsA, double oddsB, string expected)
    {
        // Expected ids printed by the seed's generate_call_id under TZ=Europe/Paris at 2026-03-14 18:30 UTC (19:30 local).
        Assert.Equal(expected, CallIds.ComputePythonBotCompatible(teamA, teamB, bookA, bookB, oddsA, oddsB, Evening, Paris));
    }

    [Fact]
    public void ComputePythonBotCompatible_LocalHourNotUtcHour_DependsOnTheTimeZone()
    {
        // Same seed function, same instant: TZ=UTC printed f9e845aa8e8ec043; at the spring change Paris is 03:00.
        Assert.Equal("f9e845aa8e8ec043", CallIds.ComputePythonBotCompatible("Lakers", "Celtics", "bet365", "pinnacle", 2.1, 2.05, Evening, TimeZoneInfo.Utc));
        Assert.Equal("04570813e584a979", CallIds.ComputePythonBotCompatible("Lakers", "Celtics", "bet365", "pinnacle", 2.1, 2.05, SpringForward, Paris));
    }

    [Fact]
    public void ComputePythonBotCompatible_SameAlertSameLocalHour_GivesSameSixteenHexId()
    {
        var first = CallIds.ComputePythonBotCompatible("Lakers", "Celtics", "bet365", "pinnacle", 2.1, 2.05, Evening, Paris);
        var again = CallIds.ComputePythonBotCompatible("Lakers", "Celtics", "bet365", "pinnacle", 2.1, 2.05, Evening.AddMinutes(29), Paris);

        Assert.Equal(first, again);
        Assert.Matches("^[0-9a-f]{16}$", first);
        Assert.True(CallIds.IsValid(first));
    }

    [Fact]
    public async Task LogCallSafe_SeedRecipeOn_ReturnsTheIdTheSeedsPythonFunctionReturns()
    {
        var random = new Random(2026);
        string[] teams = ["Lakers", "Celtics", "Real Madrid", "Barça", "Québec Remparts", "Bayern München"];
        string[] books = ["bet365", "pinnacle", "Betclic", "Unibet", "Winamax"];
        var alerts = Enumerable.Range(0, 50).Select(i => new
        {
            TeamA = teams[random.Next(teams.Length)],
            TeamB = teams[random.Next(teams.Length)],
            BookA = books[random.Next(books.Length)],
            BookB = books[random.Next(books.Length)],
            OddsA = Math.Round(1.2 + (random.NextDouble() * 3), random.Next(1, 4)),
            OddsB = Math.Round(1.2 + (random.NextDouble() * 3), random.Next(1, 4)),
            SentAt = SpringForward.AddMinutes(random.Next(-600, 600)),
        }).ToArray();
        var input = string.Join('\n', alerts.Select(a => JsonSerializer.Serialize(new object[] { a.TeamA, a.TeamB, a.BookA, a.BookB, a.OddsA, a.OddsB, a.SentAt.ToUnixTimeSeconds() })));
        var pythonIds = await Python3.RunAsync("seed_call_id.py", input + "\n", new Dictionary<string, string> { ["TZ"] = "Europe/Paris" });

        var sink = new InMemoryCallSink();
        await using var logger = new CallLogger(sink, new CallLoggerOptions { CallIdRecipe = CallIdRecipe.PythonBotMd5, CallIdTimeZone = Paris });
        var ours = alerts.Select(a => logger.LogCallSafe(new CallRecord
        {
            CallType = CallType.Arbitrage,
            TeamA = a.TeamA,
            TeamB = a.TeamB,
            BookmakerA = a.BookA,
            BookmakerB = a.BookB,
            OddsA = a.OddsA,
            OddsB = a.OddsB,
            RoiPercent = 2.5,
            AlertSentAt = a.SentAt,
        })).ToArray();

        Assert.All(ours, r => Assert.True(r.IsAccepted));
        Assert.Equal(pythonIds, ours.Select(r => r.CallId));
    }

    [Fact]
    public void LogCallSafe_DefaultOptions_KeepTheXxHash64Recipe()
    {
        var sentAt = Evening;
        using var logger = new CallLogger(new InMemoryCallSink());

        var result = logger.LogCallSafe(new CallRecord
        {
            CallType = CallType.Arbitrage,
            TeamA = "Lakers",
            TeamB = "Celtics",
            BookmakerA = "bet365",
            BookmakerB = "pinnacle",
            OddsA = 2.1,
            OddsB = 2.05,
            RoiPercent = 2.5,
            AlertSentAt = sentAt,
        });

        Assert.Equal(CallIdRecipe.XxHash64, new CallLoggerOptions().CallIdRecipe);
        Assert.Null(new CallLoggerOptions().CallIdTimeZone);
        Assert.Equal(CallIds.Compute("Lakers", "Celtics", "bet365", "pinnacle", 2.1, 2.05, sentAt), result.CallId);
    }

    [Fact]
    public void Validate_UnknownCallIdRecipe_ReportsIt()
    {
        var errors = new CallLoggerOptions { CallIdRecipe = (CallIdRecipe)7 }.Validate();

        Assert.Contains(errors, e => e.Contains("CallIdRecipe", StringComparison.Ordinal));
    }
}
