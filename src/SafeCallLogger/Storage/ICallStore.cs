namespace SafeCallLogger;

/// <summary>
/// The query side of a storage, whatever it is (SQLite, PostgreSQL): what <c>/ml_stats</c>, <c>/ml_test</c>, exports
/// and retention need, on the same storage the logger's sink writes to. A storage package registers its store under
/// this interface too (<c>UseSqlite</c> registers <c>SqliteCallStore</c>, <c>UsePostgreSql</c> <c>PostgreSqlCallStore</c>), so an app injects <see cref="ICallStore"/>
/// and works on any storage with no second connection string.
/// </summary>
/// <remarks>
/// Implementations are thread-safe and run while the sink keeps writing. <see cref="CallStoreExtensions.GetStatsAsync"/>
/// combines <see cref="GetTotalsAsync"/> with the logger's health and recommendations the same way for every store.
/// </remarks>
public interface ICallStore
{
    /// <summary>
    /// Reads the plain aggregates of what is stored (calls, by type, sports, clicks, users notified and bet, results,
    /// profit, the newest call). An empty or new storage gives zeros. Throws when the storage cannot be read or on
    /// cancellation.
    /// </summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<CallStoreTotals> GetTotalsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The <c>/ml_test</c> self-test: logs a marked test call (id <c>ml_test_...</c>) through <paramref name="logger"/>,
    /// flushes, reads it back from this store, then removes it. Reports success, or the reason for failure, within
    /// <paramref name="timeout"/>. Never throws: cancellation and errors are reported as failures.
    /// </summary>
    /// <param name="logger">The logger writing to this store's storage.</param>
    /// <param name="timeout">How long the whole test may take.</param>
    /// <param name="cancellationToken">Stops the test early (reported as a failure).</param>
    Task<SelfTestResult> SelfTestAsync(ICallLogger logger, TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes, now, the calls older than the store's retention setting (by <c>alert_sent_at</c>) with their per-user
    /// rows, in small transactions that never stall the sink for long; also operations that waited past their time to
    /// live for their call, and applied-operation ids past theirs. Returns how many calls were deleted; 0 when
    /// retention is off. Throws when the storage cannot be written or on cancellation (what was committed stays
    /// deleted).
    /// </summary>
    /// <param name="cancellationToken">Stops between two transactions.</param>
    Task<int> RunRetentionAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams the stored rows <paramref name="export"/> asks for to <paramref name="destination"/>, from one
    /// consistent snapshot while the sink goes on writing, in the same format whichever storage holds them
    /// (<see cref="CallExportFormat"/>, <see cref="CallExportRows"/>). Leaves <paramref name="destination"/> open.
    /// Returns the number of rows. Throws when the storage cannot be read or on cancellation.
    /// </summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="export">Which rows, format and time range; <see langword="null"/> is every call as CSV.</param>
    /// <param name="cancellationToken">Stops the export.</param>
    Task<long> ExportAsync(Stream destination, CallExport? export = null, CancellationToken cancellationToken = default);
}
