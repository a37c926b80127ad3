namespace SafeCallLogger;

/// <summary>
/// What one user takes (<see cref="ICallAnalytics.GetUserPreferencesAsync"/>): of the calls of one group this user was
/// notified of, how many the user clicked. Built from the per-user rows, so only users the bot logged by id.
/// </summary>
/// <param name="UserId">The user.</param>
/// <param name="Key">The group's value; <see langword="null"/> for calls where it is not set.</param>
/// <param name="Notified">Calls of the group the user was notified of: the number the rate rests on.</param>
/// <param name="Clicked">Of those, calls the user clicked (once per call, however many clicks).</param>
public sealed record UserPreferenceRow(long UserId, string? Key, long Notified, long Clicked)
{
    /// <summary>Clicked per notified, 0 to 1; 0 when the user was notified of none.</summary>
    public double ClickRate => Notified == 0 ? 0 : (double)Clicked / Notified;
}
