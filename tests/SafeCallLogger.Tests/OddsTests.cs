namespace SafeCallLogger.Tests;

public sealed class OddsTests
{
    [Theory]
    [InlineData(150, 2.5)]
    [InlineData(-200, 1.5)]
    [InlineData(100, 2.0)]
    [InlineData(-100, 2.0)]
    public void DecimalValue_AmericanOdds_ConvertsAsDocumented(double american, double expected)
    {
        Assert.Equal(expected, Odds.FromAmerican(american).DecimalValue, 10);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)]
    [InlineData(-3)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void IsValid_ImpossibleDecimalOdds_IsFalse(double value)
    {
        Assert.False(Odds.FromDecimal(value).IsValid);
    }

    [Fact]
    public void IsValid_AmericanBetweenMinusAndPlusHundred_IsFalse()
    {
        Assert.False(Odds.FromAmerican(50).IsValid);
        Assert.False(Odds.FromAmerican(-99).IsValid);
        Assert.False(default(Odds).IsValid);
    }

    [Fact]
    public void ClosingLineValuePercent_BetterThanClose_IsPositive()
    {
        Assert.Equal(5.0, Odds.ClosingLineValuePercent(2.10, 2.00), 10);
        Assert.Equal(-4.7619047619, Odds.ClosingLineValuePercent(2.00, 2.10), 8);
        Assert.True(double.IsNaN(Odds.ClosingLineValuePercent(2.0, 0.5)));
    }

    [Fact]
    public void StorageValues_AreTheSeedStrings()
    {
        Assert.Equal("good_ev", CallType.GoodEv.ToStorageValue());
        Assert.Equal("a_won", CallOutcome.AWon.ToStorageValue());
        Assert.Equal("b_won", CallOutcome.BWon.ToStorageValue());
        Assert.Equal("push", CallOutcome.Push.ToStorageValue());
        Assert.Equal("unknown", CallOutcome.Unknown.ToStorageValue());
        Assert.Equal("fast", LineMovementSpeed.Fast.ToStorageValue());
        Assert.True(StorageValues.TryParseCallType("middle", out var type));
        Assert.Equal(CallType.Middle, type);
        Assert.False(StorageValues.TryParseOutcome("won", out _));
    }
}
