namespace SafeCallLogger;

/// <summary>
/// What <c>/ml_stats</c> shows: the logger's state and counts (when a <see cref="CallLoggerHealth"/> was
/// given) and what the store holds. Made by <see cref="Create"/> from a store's <see cref="CallStoreTotals"/>
/// (<see cref="CallStoreExtensions.GetStatsAsync"/>); rendered by <see cref="CallStatsFormatter.Format"/>.
/// </summary>
public sealed partial record CallStats
{
    /// <summary>When the stats were taken, from the store's <see cref="TimeProvider"/>.</summary>
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>The logger's state, or <see langword="null"/> when no health snapshot was given.</summary>
    public CallLoggerState? LoggerState { get; init; }

    /// <summary><see langword="true"/> when the logger accepts calls; <see langword="null"/> when no health snapshot was given.</summary>
    public bool? LoggerEnabled { get; init; }

    /// <summary>Successful writes in percent of all writes (<see cref="CallLoggerHealth.HealthPercent"/>), or <see langword="null"/>.</summary>
    public double? HealthPercent { get; init; }

    /// <summary>Operations accepted into the queue, or <see langword="null"/>.</summary>
    public long? Accepted { get; init; }

    /// <summary>Operations written to storage, or <see langword="null"/>.</summary>
    public long? Written { get; init; }

    /// <summary>Operations rejected as invalid, or <see langword="null"/>.</summary>
    public long? Rejected { get; init; }

    /// <summary>Operations that never reached storage (<see cref="CallLoggerHealth.Dropped"/>), or <see langword="null"/>.</summary>
    public long? Dropped { get; init; }

    /// <summary>Sink writes that failed (<see cref="CallLoggerHealth.Errors"/>), or <see langword="null"/>.</summary>
    public long? Failed { get; init; }

    /// <summary>Sink writes that succeeded (<see cref="CallLoggerHealth.Successes"/>), or <see langword="null"/>.</summary>
    public long? Succeeded { get; init; }

    /// <summary>Operations in the queue now, or <see langword="null"/>.</summary>
    public int? QueueDepth { get; init; }

    /// <summary>The queue's capacity, or <see langword="null"/>.</summary>
    public int? QueueCapacity { get; init; }

    /// <summary>The depth from which the queue counts as nearly full (<see cref="CallLoggerHealth.QueueWarningDepth"/>), or <see langword="null"/>.</summary>
    public int? QueueWarningDepth { get; init; }

    /// <summary>Journaled operations storage has not taken yet (<see cref="CallLoggerHealth.JournalPending"/>), or <see langword="null"/>.</summary>
    public long? JournalPending { get; init; }

    /// <summary>The bytes the journal takes on disk (<see cref="CallLoggerHealth.JournalBytes"/>), or <see langword="null"/>.</summary>
    public long? JournalBytes { get; init; }

    /// <summary>The last storage error, or <see langword="null"/>.</summary>
    public string? LastError { get; init; }

    /// <summary>Calls stored (rows in the calls table).</summary>
    public long TotalCalls { get; init; }

    /// <summary>Rows by <c>call_type</c> value (<c>arbitrage</c>, <c>middle</c>, <c>good_ev</c>); only types present.</summary>
    public IReadOnlyDictionary<string, long> CallsByType { get; init; } = new Dictionary<string, long>();

    /// <summary>Distinct non-null <c>sport</c> values, most calls first.</summary>
    public IReadOnlyList<string> SportsCovered { get; init; } = [];

    /// <summary>Calls with <c>alert_clicked_count &gt; 0</c>.</summary>
    public long CallsWithClicks { get; init; }

    /// <summary>Sum of <c>total_users_notified</c>.</summary>
    public long TotalUsersNotified { get; init; }

    /// <summary>Sum of <c>total_users_bet</c>.</summary>
    public long TotalUsersBet { get; init; }

    /// <summary>
    /// Conversion rate in percent: sum of <c>total_users_bet</c> / sum of <c>total_users_notified</c> × 100;
    /// <see langword="null"/> when nobody was notified.
    /// </summary>
    public double? ConversionRatePercent { get; init; }

    /// <summary>Calls whose <c>actual_outcome</c> is set and not <c>unknown</c>.</summary>
    public long ResultsKnown { get; init; }

    /// <summary>Sum of <c>actual_profit</c> over the calls that have one; 0 when none.</summary>
    public double TotalProfit { get; init; }

    /// <summary>The newest <c>alert_sent_at</c>, or <see langword="null"/> when the table is empty.</summary>
    public DateTimeOffset? LastCallAt { get; init; }

    /// <summary>Plain-language advice for the admin (logger disabled, no calls in 24 h, error rate high, queue near full); empty when all is well.</summary>
    public IReadOnlyList<string> Recommendations { get; init; } = [];
}
