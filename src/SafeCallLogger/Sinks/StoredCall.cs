namespace SafeCallLogger;

/// <summary>A call as <see cref="InMemoryCallSink"/> holds it: the logged record plus everything that arrived later, column for column.</summary>
public sealed record StoredCall
{
    /// <summary><c>call_id</c>.</summary>
    public required string CallId { get; init; }

    /// <summary>
    /// The record as first logged (sport, teams, books, odds, stakes, ...). Its <see cref="CallRecord.RawData"/> is parsed
    /// from the stored <c>raw_data</c> text (<see cref="CallOperation.RawDataJson"/>), a fresh object in every snapshot.
    /// </summary>
    public required CallRecord Call { get; init; }

    /// <summary><c>alert_sent_at</c> of the first send.</summary>
    public required DateTimeOffset AlertSentAt { get; init; }

    /// <summary><c>total_users_notified</c>: the sum over every send of this id.</summary>
    public int TotalUsersNotified { get; init; }

    /// <summary><c>total_users_bet</c>: clicks counted once per user (every click without a user id counts).</summary>
    public int TotalUsersBet { get; init; }

    /// <summary><c>alert_clicked_count</c>: every click.</summary>
    public int AlertClickedCount { get; init; }

    /// <summary><c>actual_outcome</c>, or <see langword="null"/> until a result is set.</summary>
    public CallOutcome? ActualOutcome { get; init; }

    /// <summary><c>actual_profit</c>, or <see langword="null"/>.</summary>
    public double? ActualProfit { get; init; }

    /// <summary><c>closing_line_a</c> (decimal odds), or <see langword="null"/>.</summary>
    public double? ClosingLineA { get; init; }

    /// <summary><c>closing_line_b</c> (decimal odds), or <see langword="null"/>.</summary>
    public double? ClosingLineB { get; init; }

    /// <summary><c>clv_a</c> in percent (<see cref="Odds.ClosingLineValuePercent"/>), or <see langword="null"/>.</summary>
    public double? ClvA { get; init; }

    /// <summary><c>clv_b</c> in percent (<see cref="Odds.ClosingLineValuePercent"/>), or <see langword="null"/>.</summary>
    public double? ClvB { get; init; }

    /// <summary><c>line_movement_speed</c>, or <see langword="null"/>.</summary>
    public LineMovementSpeed? LineMovementSpeed { get; init; }

    /// <summary>Distinct users who were notified, when the caller passed user ids.</summary>
    public IReadOnlyCollection<long> NotifiedUserIds { get; init; } = [];

    /// <summary>Distinct users who clicked, when the caller passed user ids.</summary>
    public IReadOnlyCollection<long> ClickedUserIds { get; init; } = [];
}
