namespace SafeCallLogger;

/// <summary>What every <see cref="ICallStore"/> offers on top of its own reads.</summary>
public static class CallStoreExtensions
{
    /// <summary>
    /// Reads what <c>/ml_stats</c> shows: the store's <see cref="ICallStore.GetTotalsAsync"/> combined with the
    /// logger's state and counts from <paramref name="health"/> and the recommendations (<see cref="CallStats.Create"/>).
    /// Throws when the storage cannot be read or on cancellation.
    /// </summary>
    /// <param name="store">The store.</param>
    /// <param name="health">The logger's health (<see cref="ICallLogger.GetHealth"/>); the default is <see langword="null"/>: logger fields stay <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<CallStats> GetStatsAsync(this ICallStore store, CallLoggerHealth? health = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var totals = await store.GetTotalsAsync(cancellationToken).ConfigureAwait(false);
        return CallStats.Create(totals, health);
    }
}
