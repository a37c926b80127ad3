namespace SafeCallLogger;

/// <summary>How long the calls of one group stayed good and how soon users acted (<see cref="ICallAnalytics.GetTimingAsync"/>).</summary>
/// <param name="Key">The group's value; <see langword="null"/> for calls where it is not set, or for the one row of all calls when no dimension was asked.</param>
/// <param name="Lifetime"><c>expires_at - alert_sent_at</c>, over the calls that have both and where it is not negative.</param>
/// <param name="TimeToFirstClick">From <c>alert_sent_at</c> to the call's first recorded click by a known user, over the calls with one.</param>
public sealed record TimingRow(string? Key, DurationSummary Lifetime, DurationSummary TimeToFirstClick);
