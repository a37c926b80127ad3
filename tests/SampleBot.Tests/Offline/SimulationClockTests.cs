using SampleBot.Offline;

namespace SampleBot.Tests.Offline;

public sealed class SimulationClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void GetUtcNow_New_IsTheStartInUtc()
    {
        var clock = new SimulationClock(Start.ToOffset(TimeSpan.FromHours(2)));

        Assert.Equal(Start, clock.GetUtcNow());
        Assert.Equal(TimeSpan.Zero, clock.GetUtcNow().Offset);
    }

    [Fact]
    public void AdvanceTo_AnEarlierInstant_LeavesTheLaterTime()
    {
        var clock = new SimulationClock(Start);
        clock.AdvanceTo(Start.AddMinutes(3));

        clock.AdvanceTo(Start.AddMinutes(1));

        Assert.Equal(Start.AddMinutes(3), clock.GetUtcNow());
    }
}
