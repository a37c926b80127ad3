using System.Text;
using System.IO.Hashing;

namespace SafeCallLogger.Tests;

public sealed class CallIdsTests
{
    private static readonly DateTimeOffset TenPast = new(2026, 11, 21, 14, 10, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("", "ef46db3751d8e999")]
    [InlineData("abc", "44bc2cf5ad770999")]
    [InlineData("The quick brown fox jumps over the lazy dog, twice over.", "fb9f56ced8ad4fc4")]
    public void XxHash64_KnownInputs_MatchTheReferenceImplementation(string input, string expected)
    {
        // Expected values printed by `xxhsum -H64` (the reference tool).
        Assert.Equal(expected, XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(input)).ToString("x16"));
    }

    [Fact]
    public void Compute_SameAlertSameHour_GivesSameSixteenHexId()
    {
        var first = CallIds.Compute("Lakers", "Celtics", "bet365", "pinnacle", 2.10, 1.95, TenPast);
        var again = CallIds.Compute("Lakers", "Celtics", "bet365", "pinnacle", 2.10, 1.95, TenPast.AddMinutes(45));

        Assert.Equal(first, again);
        Assert.Matches("^[0-9a-f]{16}$", first);
    }

    [Fact]
    public void Compute_NextHour_GivesAnotherId()
    {
        var first = CallIds.Compute("Lakers", "Celtics", "bet365", "pinnacle", 2.10, 1.95, TenPast);
        var later = CallIds.Compute("Lakers", "Celtics", "bet365", "pinnacle", 2.10, 1.95, TenPast.AddMinutes(50));

        Assert.NotEqual(first, later);
    }

    [Fact]
    public void Compute_AmericanAndDecimalOfSamePrice_GiveSameId()
    {
        var american = CallIds.Compute("A", "B", "x", "y", Odds.FromAmerican(+110), Odds.FromAmerican(-125), TenPast);
        var @decimal = CallIds.Compute("A", "B", "x", "y", 2.10, 1.80, TenPast);

        Assert.Equal(american, @decimal);
    }

    [Fact]
    public void Compute_FieldBoundariesMatter_NoConcatenationCollision()
    {
        var one = CallIds.Compute("ab", "c", "x", "y", 2, 2, TenPast);
        var two = CallIds.Compute("a", "bc", "x", "y", 2, 2, TenPast);

        Assert.NotEqual(one, two);
    }

    [Fact]
    public void Compute_FollowsTheDocumentedRecipe()
    {
        // Rebuild the key by hand exactly as the XML docs describe it.
        var key = new List<byte>();
        foreach (var text in new[] { "Lakers", "Celtics", "bet365", "pinnacle" })
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            key.AddRange(BitConverter.GetBytes(bytes.Length));
            key.AddRange(bytes);
        }

        key.AddRange(BitConverter.GetBytes(21_000L));
        key.AddRange(BitConverter.GetBytes(19_500L));
        key.AddRange(BitConverter.GetBytes(TenPast.ToUnixTimeSeconds() / 3600));

        var expected = XxHash64.HashToUInt64(key.ToArray()).ToString("x16");
        Assert.Equal(expected, CallIds.Compute("Lakers", "Celtics", "bet365", "pinnacle", 2.10, 1.95, TenPast));
    }

    [Fact]
    public void CallbackData_RoundTrips_AndFitsTelegramLimit()
    {
        var id = CallIds.Compute("Lakers", "Celtics", "bet365", "pinnacle", 2.10, 1.95, TenPast);
        var data = CallIds.ToCallbackData(id);

        Assert.Equal("i_bet_" + id, data);
        Assert.True(Encoding.UTF8.GetByteCount(data) <= 64);
        Assert.True(CallIds.TryParseCallbackData(data, out var parsed));
        Assert.Equal(id, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("semi;colon")]
    [InlineData("slash/es")]
    public void TryParseCallbackData_BadData_ReturnsFalse(string? suffix)
    {
        Assert.False(CallIds.TryParseCallbackData(suffix is null ? null : "i_bet_" + suffix, out _));
    }

    [Fact]
    public void IsValid_LongestAllowed_AcceptsFiftyEightAndRefusesFiftyNine()
    {
        Assert.True(CallIds.IsValid(new string('a', 58)));
        Assert.False(CallIds.IsValid(new string('a', 59)));
    }
}
