namespace SafeCallLogger;

/// <summary>
/// What a store holds, as plain aggregates (<see cref="ICallStore.GetTotalsAsync"/>), with no logger state: the
/// part of <see cref="CallStats"/> that comes from storage.
/// </summary>
public sealed record CallStoreTotals
{
    /// <summary>When the totals were read, from the store's <see cref="TimeProvider"/>.</summary>
    public required DateTimeOffset ReadAt { get; init; }

    /// <summary>Calls stored. The default is 0.</summary>
    public long TotalCalls { get; init; }

    /// <summary>Calls by <c>call_type</c> value (<c>arbitrage</c>, <c>middle</c>, <c>good_ev</c>); only types present. The default is empty.</summary>
    public IReadOnlyDictionary<string, long> CallsByType { get; init; } = new Dictionary<string, long>();

    /// <summary>Distinct non-null <c>sport</c> values, most calls first. The default is empty.</summary>
    public IReadOnlyList<string> SportsCovered { get; init; } = [];

    /// <summary>Calls with at least one click. The default is 0.</summary>
    public long CallsWithClicks { get; init; }

    /// <summary>Sum of <c>total_users_notified</c>. The default is 0.</summary>
    public long TotalUsersNotified { get; init; }

    /// <summary>Sum of <c>total_users_bet</c>. The default is 0.</summary>
    public long TotalUsersBet { get; init; }

    /// <summary>Calls whose <c>actual_outcome</c> is set and not <c>unknown</c>. The default is 0.</summary>
    public long ResultsKnown { get; init; }

    /// <summary>Sum of <c>actual_profit</c> over the calls that have one. The default is 0.</summary>
    public double TotalProfit { get; init; }

    /// <summary>The newest <c>alert_sent_at</c>; the default is <see langword="null"/> (nothing stored).</summary>
    public DateTimeOffset? LastCallAt { get; init; }
}
