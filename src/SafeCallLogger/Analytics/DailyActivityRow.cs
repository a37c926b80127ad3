namespace SafeCallLogger;

/// <summary>One day of activity (<see cref="ICallAnalytics.GetDailyActivityAsync"/>), by the day <c>alert_sent_at</c> falls on in the filter's zone.</summary>
/// <param name="Day">The day, in <see cref="AnalyticsFilter.TimeZone"/>.</param>
/// <param name="Calls">Calls sent that day.</param>
/// <param name="Clicks">Sum of <c>alert_clicked_count</c> of those calls (every click).</param>
/// <param name="UsersNotified">Sum of <c>total_users_notified</c>.</param>
/// <param name="UsersBet">Sum of <c>total_users_bet</c>.</param>
/// <param name="ResultsKnown">Calls with an outcome other than <c>unknown</c>.</param>
/// <param name="Profit">Sum of <c>actual_profit</c> of those calls; 0 when none has one.</param>
public sealed record DailyActivityRow(DateOnly Day, long Calls, long Clicks, long UsersNotified, long UsersBet, long ResultsKnown, double Profit);
