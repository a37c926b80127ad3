using SafeCallLogger.Sqlite.Internal;

namespace SafeCallLogger.Sqlite.Tests.Analytics;

/// <summary>Retention's per-user days (<see cref="DaySet"/>) hold what a hash set of the same days holds, whatever the order the days come in.</summary>
public sealed class DaySetTests
{
    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 400)]
    [InlineData(3, 3000)]
    public void RandomDays_InAnyOrder_AreHeldAsAHashSetHoldsThem(int seed, int spread)
    {
        var random = new Random(seed);
        var origin = new DateOnly(2026, 1, 25).DayNumber;
        for (var set = 0; set < 200; set++)
        {
            var days = new DaySet();
            var expected = new HashSet<DateOnly>();
            Assert.True(days.IsEmpty);
            for (var i = random.Next(1, 60); i > 0; i--)
            {
                var day = DateOnly.FromDayNumber(origin + random.Next(-spread, spread));
                days.Add(day);
                expected.Add(day);
            }

            Assert.False(days.IsEmpty);
            Assert.Equal(expected.Min(), days.Min());
            for (var n = -spread - 70; n < spread + 70; n++)
            {
                var day = DateOnly.FromDayNumber(origin + n);
                Assert.True(expected.Contains(day) == days.Contains(day), $"seed {seed}, set {set}: {day}");
            }
        }
    }

    [Fact]
    public void FirstAndLastDaysOfTheCalendar_AreHeld()
    {
        var days = new DaySet();
        days.Add(DateOnly.MaxValue);
        days.Add(DateOnly.MinValue);
        Assert.Equal(DateOnly.MinValue, days.Min());
        Assert.True(days.Contains(DateOnly.MaxValue));
        Assert.False(days.Contains(DateOnly.MinValue.AddDays(1)));
    }
}
