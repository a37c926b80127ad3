namespace SafeCallLogger;

/// <summary>
/// Closing line value of one group (<see cref="ICallAnalytics.GetClvAsync"/>), over the sides that have one: a call
/// gives <c>clv_a</c> (side A, bookmaker A) and <c>clv_b</c> (side B, bookmaker B) as two values, so by bookmaker each
/// side counts under its own bookmaker.
/// </summary>
/// <param name="Key">The group's value; <see langword="null"/> for values where it is not set.</param>
/// <param name="Values">CLV values in the group.</param>
/// <param name="MeanPercent">Mean CLV, in percent.</param>
/// <param name="MedianPercent">Median CLV, in percent (the mean of the two middle values for an even count).</param>
/// <param name="SharePositive">Values above 0, per value, 0 to 1: how often the alert beat the closing line.</param>
public sealed record ClvRow(string? Key, long Values, double MeanPercent, double MedianPercent, double SharePositive);
