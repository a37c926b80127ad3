namespace SafeCallLogger;

/// <summary>What a <see cref="CallOperation"/> asks the sink to do.</summary>
public enum CallOperationKind
{
    /// <summary>
    /// Insert the call, or, when its id is already stored, add <see cref="CallOperation.UsersNotified"/> to
    /// <c>total_users_notified</c> (a re-broadcast) and keep the other columns.
    /// </summary>
    UpsertCall = 1,

    /// <summary>Add one to <c>alert_clicked_count</c>; add one to <c>total_users_bet</c> unless this user already clicked this call.</summary>
    AddClick = 2,

    /// <summary>Set <c>actual_outcome</c> and <c>actual_profit</c>.</summary>
    SetResult = 3,

    /// <summary>Set <c>closing_line_a</c>, <c>closing_line_b</c>, <c>line_movement_speed</c> when given, and compute <c>clv_a</c> and <c>clv_b</c>.</summary>
    SetClosingLines = 4,
}
