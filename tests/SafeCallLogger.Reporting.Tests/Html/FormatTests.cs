using SafeCallLogger.Reporting.Html;

namespace SafeCallLogger.Reporting.Tests.Html;

public sealed class FormatTests
{
    [Theory]
    [InlineData(0.15, "15.0%")]
    [InlineData(0, "0.0%")]
    [InlineData(double.NaN, "0.0%")]
    public void Rate_IsAPercentageWithOneDecimal(double rate, string expected) => Assert.Equal(expected, Format.Rate(rate));

    [Theory]
    [InlineData(12.5, "+12.50")]
    [InlineData(-3, "-3.00")]
    [InlineData(0, "0.00")]
    [InlineData(1234.5, "+1,234.50")]
    public void Money_IsSignedWithTwoDecimals(double value, string expected) => Assert.Equal(expected, Format.Money(value));

    [Theory]
    [InlineData(45, "45s")]
    [InlineData(725, "12m 05s")]
    [InlineData(12000, "3h 20m")]
    [InlineData(187200, "2d 4h")]
    public void Duration_IsShort(int seconds, string expected) => Assert.Equal(expected, Format.Duration(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Duration_None_IsADash() => Assert.Equal("–", Format.Duration(null));

    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(double.PositiveInfinity, "0")]
    [InlineData(1e-7, "1E-07")]
    public void Data_RoundTripsInvariantAndNeverNonFinite(double value, string expected) => Assert.Equal(expected, Format.Data(value));

    [Theory]
    [InlineData(2.5, "2.5")]
    [InlineData(25000, "25k")]
    [InlineData(-1500000, "-1.5M")]
    public void Compact_ShortensLargeAxisValues(double value, string expected) => Assert.Equal(expected, Format.Compact(value));
}
