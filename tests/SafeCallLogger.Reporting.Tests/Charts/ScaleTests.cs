using SafeCallLogger.Reporting.Charts;

namespace SafeCallLogger.Reporting.Tests.Charts;

public sealed class ScaleTests
{
    [Fact]
    public void Ticks_PositiveValues_StartAtZeroAndEndOnARoundValueAboveTheMax()
    {
        var scale = new Scale([3, 47, 12], 0, 100);

        Assert.Equal([0, 20, 40, 60], scale.Ticks());
        Assert.Equal(0, scale.Map(0));
        Assert.Equal(100, scale.Map(60));
    }

    [Fact]
    public void Ticks_NegativeAndPositive_HoldZeroInside()
    {
        var scale = new Scale([-12.5, 4], 0, 100);

        Assert.True(scale.Min <= -12.5);
        Assert.True(scale.Max >= 4);
        Assert.Contains(0, scale.Ticks());
    }

    [Theory]
    [InlineData(new double[0])]
    [InlineData(new[] { 0.0, 0.0 })]
    [InlineData(new[] { double.NaN, double.PositiveInfinity })]
    public void Map_NoSpreadOrNonFinite_GivesAUsableAxisFromZeroToOne(double[] values)
    {
        var scale = new Scale(values, 10, 110);

        Assert.Equal(0, scale.Min);
        Assert.Equal(1, scale.Max);
        Assert.Equal(10, scale.Map(double.NaN));
        Assert.All(scale.Ticks(), tick => Assert.True(double.IsFinite(tick)));
    }

    [Theory]
    [InlineData(0.07, 0.1)]
    [InlineData(0.3, 0.5)]
    [InlineData(1.5, 2)]
    [InlineData(7, 10)]
    [InlineData(2500, 5000)]
    public void NiceStep_RoundsUpToOneTwoOrFiveTimesAPowerOfTen(double rough, double nice) =>
        Assert.Equal(nice, Scale.NiceStep(rough), 10);

    [Fact]
    public void Ticks_RatesInTenths_AreLabelledWithoutFloatingNoise()
    {
        var scale = new Scale([0.27], 0, 100);

        Assert.Equal([0, 0.1, 0.2, 0.3], scale.Ticks());
    }
}
