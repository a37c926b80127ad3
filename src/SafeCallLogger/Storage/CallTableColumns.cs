namespace SafeCallLogger.Storage;

/// <summary>
/// The columns of the stored tables as every storage writes and exports them: the calls table (exactly the Python
/// bot's names in its order, a public contract) and the per-user events of an export (<see cref="CallExportRows.UserEvents"/>).
/// </summary>
internal static class CallTableColumns
{
    /// <summary>The calls table's columns, in order.</summary>
    public static readonly string[] Calls =
    [
        "call_id", "call_type", "sport", "league", "team_a", "team_b", "match_date", "match_commence_time",
        "bookmaker_a", "bookmaker_b", "market_type", "odds_a", "odds_b", "odds_a_decimal", "odds_b_decimal",
        "recommended_stake_a", "recommended_stake_b", "total_stake", "expected_profit", "roi_percent",
        "alert_sent_at", "expires_at", "total_users_notified", "total_users_bet", "alert_clicked_count",
        "actual_outcome", "actual_profit", "line_movement_speed", "closing_line_a", "closing_line_b", "clv_a", "clv_b",
        "data_source", "raw_data",
    ];

    /// <summary>The columns of an export's per-user events, in order.</summary>
    public static readonly string[] UserEvents = ["call_id", "user_id", "event", "event_at", "click_count"];

    /// <summary>The columns of an export of <paramref name="rows"/>.</summary>
    public static IReadOnlyList<string> Of(CallExportRows rows) => rows == CallExportRows.UserEvents ? UserEvents : Calls;
}
