namespace SafeCallLogger;

/// <summary>
/// The calls an analytics query (<see cref="ICallAnalytics"/>) looks at and how it reads their times. Every query
/// takes one; <see langword="null"/> means every call, in UTC, with <see cref="DefaultRoiBands"/>.
/// </summary>
public sealed record AnalyticsFilter
{
    /// <summary>The default ROI band edges, in percent: below 0, 0-1, 1-2, 2-3, 3-5, 5-10, 10 and above.</summary>
    public static IReadOnlyList<double> DefaultRoiBands { get; } = [0, 1, 2, 3, 5, 10];

    /// <summary>
    /// Only calls sent at or after this time (<c>alert_sent_at</c>, compared by time whatever text form a writer used).
    /// The default is <see langword="null"/>: no lower bound.
    /// </summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only calls sent before this time (exclusive). The default is <see langword="null"/>: no upper bound.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>
    /// The zone in which hours, weekdays and days are read (<see cref="CallDimension.HourOfDay"/>,
    /// <see cref="CallDimension.Weekday"/>, <see cref="ICallAnalytics.GetDailyActivityAsync"/>, retention days), with
    /// its daylight-saving rules. The default is <see cref="TimeZoneInfo.Utc"/>.
    /// </summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>
    /// The edges of the ROI bands (<see cref="CallDimension.RoiBand"/>), in percent, ascending: edges
    /// <c>[0, 1, 2]</c> give the bands <c>&lt;0%</c>, <c>0-1%</c>, <c>1-2%</c>, <c>2%+</c>; a value on an edge falls
    /// in the band above it. The default is <see cref="DefaultRoiBands"/>.
    /// </summary>
    public IReadOnlyList<double> RoiBands { get; init; } = DefaultRoiBands;
}
