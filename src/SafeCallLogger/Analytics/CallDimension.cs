namespace SafeCallLogger;

/// <summary>What an analytics query (<see cref="ICallAnalytics"/>) breaks its figures down by.</summary>
public enum CallDimension
{
    /// <summary><c>call_type</c>: <c>arbitrage</c>, <c>middle</c>, <c>good_ev</c>.</summary>
    CallType,

    /// <summary><c>sport</c>, as the bot logged it.</summary>
    Sport,

    /// <summary><c>league</c>, as the bot logged it.</summary>
    League,

    /// <summary>
    /// A bookmaker on either side: a call counts once under <c>bookmaker_a</c> and once under <c>bookmaker_b</c> (once
    /// when both are the same), so the rows add up to more than the calls.
    /// </summary>
    Bookmaker,

    /// <summary>The two bookmakers of a call, in ordinal order whatever their sides, joined by <c>" / "</c>.</summary>
    BookmakerPair,

    /// <summary><c>market_type</c> (<c>h2h</c>, <c>totals</c>, <c>spreads</c>, ...).</summary>
    Market,

    /// <summary>
    /// The band of <c>roi_percent</c> the call falls in (<see cref="AnalyticsFilter.RoiBands"/>), keyed like
    /// <c>"1-2%"</c>, <c>"&lt;0%"</c>, <c>"10%+"</c>.
    /// </summary>
    RoiBand,

    /// <summary>The hour of <c>alert_sent_at</c> in <see cref="AnalyticsFilter.TimeZone"/>, keyed <c>"00"</c> to <c>"23"</c>.</summary>
    HourOfDay,

    /// <summary>The weekday of <c>alert_sent_at</c> in <see cref="AnalyticsFilter.TimeZone"/>, keyed <c>"Monday"</c> to <c>"Sunday"</c>.</summary>
    Weekday,
}
