namespace SafeCallLogger;

/// <summary>How the calls of one group converted (<see cref="ICallAnalytics.GetConversionAsync"/>).</summary>
/// <param name="Key">The group's value (a sport, a bookmaker, <c>"1-2%"</c>, <c>"14"</c>...); <see langword="null"/> for calls where it is not set.</param>
/// <param name="Calls">Calls in the group.</param>
/// <param name="CallsWithClicks">Calls with at least one click.</param>
/// <param name="UsersNotified">Sum of <c>total_users_notified</c>.</param>
/// <param name="UsersBet">Sum of <c>total_users_bet</c> (each user once per call).</param>
public sealed record ConversionRow(string? Key, long Calls, long CallsWithClicks, long UsersNotified, long UsersBet)
{
    /// <summary>Users who bet per user notified, 0 to 1; 0 when nobody was notified.</summary>
    public double ConversionRate => UsersNotified == 0 ? 0 : (double)UsersBet / UsersNotified;

    /// <summary>Calls with a click per call, 0 to 1; 0 for an empty group.</summary>
    public double ClickedCallRate => Calls == 0 ? 0 : (double)CallsWithClicks / Calls;
}
