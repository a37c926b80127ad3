namespace SampleBot.Offline;

/// <summary>
/// The offline bot's <see cref="TimeProvider"/>: <see cref="GetUtcNow"/> is the simulation's current instant, which
/// only <see cref="Simulation"/> moves, forward. Registered as the container's clock offline, so that what the logger,
/// the sink and the store stamp (clicks, applied operations, alerts, the <c>/ml_test</c> call, the stats' time) agrees
/// with the simulated <c>alert_sent_at</c> instead of the wall clock.
/// </summary>
/// <remarks>
/// Only the wall-clock time is simulated. <see cref="TimeProvider.GetTimestamp"/>, <see cref="TimeProvider.CreateTimer"/>
/// and the local zone stay the base class's real ones: the writer's flush, retry and timeout timers, the shutdown
/// deadline and the console's alert interval measure real time, so a demo that jumps days ahead in a second still
/// flushes, and never waits for simulated minutes.
/// </remarks>
internal sealed class SimulationClock(DateTimeOffset start) : TimeProvider
{
    // Read on the writer's and the store's threads while the simulation moves it: one 64-bit value, never torn.
    private long _utcTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    /// <summary>Moves the simulated time to <paramref name="instant"/>, or leaves it when it is already later (time never goes back).</summary>
    public void AdvanceTo(DateTimeOffset instant)
    {
        var target = instant.UtcTicks;
        var current = Interlocked.Read(ref _utcTicks);
        while (target > current)
        {
            var seen = Interlocked.CompareExchange(ref _utcTicks, target, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
