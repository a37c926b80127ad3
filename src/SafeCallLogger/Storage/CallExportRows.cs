namespace SafeCallLogger;

/// <summary>Which rows <see cref="ICallStore.ExportAsync"/> writes.</summary>
public enum CallExportRows
{
    /// <summary>
    /// One row per call with the columns of <c>arbitrage_calls</c> exactly (names and order), timestamps in the
    /// canonical UTC text <c>YYYY-MM-DD HH:MM:SS.SSS</c>, <c>raw_data</c> as JSON text, in the time order of
    /// <c>alert_sent_at</c>.
    /// </summary>
    Calls,

    /// <summary>
    /// One row per user, call and event: columns <c>call_id, user_id, event, event_at, click_count</c>, where
    /// <c>event</c> is <c>notified</c> (<c>event_at</c> = when notified) or <c>clicked</c> (<c>event_at</c> = first
    /// click, <c>click_count</c> = every click of that user), in the time order of <c>event_at</c>.
    /// </summary>
    UserEvents,
}
