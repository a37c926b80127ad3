using SampleBot.Feed;

namespace SampleBot.Tests.Bot;

public sealed class ArbitrageMathTests
{
    [Fact]
    public void ArbitrageRoi_TwoPricesBelowOneImplied_IsGuaranteedReturn()
    {
        // 1/2.10 + 1/2.05 = 0.96400...; 1/0.964 - 1 = 3.73 %.
        Assert.True(ArbitrageMath.IsArbitrage(2.10, 2.05));
        Assert.Equal(0.0373, ArbitrageMath.ArbitrageRoi(2.10, 2.05), 4);
        Assert.False(ArbitrageMath.IsArbitrage(1.90, 1.90));
    }

    [Fact]
    public void EqualPayoutStakes_Bankroll_BothSidesPayTheSameAndSumToBankroll()
    {
        var (a, b) = ArbitrageMath.EqualPayoutStakes(2.10, 2.05, 1000);

        Assert.Equal(1000, a + b, 6);
        Assert.Equal(a * 2.10, b * 2.05, 6);
        Assert.Equal(1000 * (1 + ArbitrageMath.ArbitrageRoi(2.10, 2.05)), a * 2.10, 6);
    }

    [Fact]
    public void Next_SameSeed_SameOpportunities()
    {
        var start = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        var first = new SimulatedOddsFeed(7);
        var second = new SimulatedOddsFeed(7);

        for (var i = 0; i < 50; i++)
        {
            var o = first.Next(start);
            Assert.Equal(o, second.Next(start));
            Assert.True(o.RoiPercent > 0);
            Assert.NotEqual(o.BookmakerA, o.BookmakerB);
        }
    }
}
