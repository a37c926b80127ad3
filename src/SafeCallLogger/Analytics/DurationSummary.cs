namespace SafeCallLogger;

/// <summary>The distribution of a duration over calls (<see cref="TimingRow"/>); the times are <see langword="null"/> when <see cref="Count"/> is 0.</summary>
/// <param name="Count">Calls with the duration.</param>
/// <param name="Mean">The mean.</param>
/// <param name="Median">The median (the mean of the two middle values for an even count).</param>
/// <param name="P90">The 90th percentile (nearest rank).</param>
public sealed record DurationSummary(long Count, TimeSpan? Mean, TimeSpan? Median, TimeSpan? P90);
