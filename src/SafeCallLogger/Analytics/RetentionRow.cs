namespace SafeCallLogger;

/// <summary>
/// User retention <see cref="Day"/> days after each user's first click (<see cref="ICallAnalytics.GetRetentionAsync"/>).
/// Days are calendar days in the filter's zone; a user is in the cohort of day N when the first click's day plus N is
/// not after the last day of the range (or of the data).
/// </summary>
/// <param name="Day">Days after the first click, 1 to 7.</param>
/// <param name="Cohort">Users whose day <see cref="Day"/> is observable.</param>
/// <param name="Active">Of those, users notified of a call that day.</param>
/// <param name="Engaged">Of those, users who clicked a call that day.</param>
public sealed record RetentionRow(int Day, long Cohort, long Active, long Engaged)
{
    /// <summary>Active per cohort user, 0 to 1; 0 for an empty cohort.</summary>
    public double ActiveRate => Cohort == 0 ? 0 : (double)Active / Cohort;

    /// <summary>Engaged per cohort user, 0 to 1; 0 for an empty cohort.</summary>
    public double EngagedRate => Cohort == 0 ? 0 : (double)Engaged / Cohort;
}
