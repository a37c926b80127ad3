using SafeCallLogger.Configuration;

namespace SafeCallLogger;

/// <summary>
/// The settings every storage keeps the same way, whatever it is: how long calls are kept, and how long the
/// bookkeeping that makes writes idempotent and order-tolerant (operations waiting for their call, ids of applied
/// operations) lives. The storage packages' options derive from it (<c>SqliteSinkOptions</c>,
/// <c>PostgreSqlSinkOptions</c>), so moving from one storage to another keeps these settings and their meaning.
/// </summary>
public abstract class CallStoreOptions
{
    /// <summary>
    /// Calls whose <c>alert_sent_at</c> is older than this many days are deleted, with their per-user rows, at most
    /// once a day by the sink and on demand by <see cref="ICallStore.RunRetentionAsync"/>. Zero keeps everything.
    /// The default is 365. Between 0 and 36,500.
    /// </summary>
    [Limit(0, 36_500)]
    public int RetentionDays { get; set; } = 365;

    /// <summary>
    /// How many calls one retention transaction deletes, so that locks are only ever held for a short time. The
    /// default is 500. Between 1 and 100,000.
    /// </summary>
    [Limit(1, 100_000)]
    public int RetentionBatchSize { get; set; } = 500;

    /// <summary>
    /// How many clicks, results and closing lines on calls not stored yet are kept in <c>{table}_pending_ops</c>
    /// until their call arrives. Beyond that the sink counts them as orphaned (its <c>OrphanedOperations</c>) and
    /// discards them (a warning is logged the first time), never reported as an error: the one case where an accepted
    /// operation is not applied. The default is 10,000. Between 0 and 10,000,000.
    /// </summary>
    [Limit(0, 10_000_000)]
    public int MaxPendingOperations { get; set; } = 10_000;

    /// <summary>
    /// How long a click, result or closing line waits in <c>{table}_pending_ops</c> for its call before it is deleted
    /// as an orphan (a call that was never stored), with the daily retention run, whether or not
    /// <see cref="RetentionDays"/> is 0. Keeps long-dead orphans from filling <see cref="MaxPendingOperations"/> and
    /// squeezing out legitimate early clicks. The default is 7 days. Between 1 hour and 3,650 days.
    /// </summary>
    [DurationLimit("01:00:00", "3650.00:00:00")]
    public TimeSpan PendingOperationTtl { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How long the id of an applied operation is kept in <c>{table}_applied_ops</c>, so that a retried batch or a
    /// journal replay never applies it twice. Pruned with the daily retention run, whether or not
    /// <see cref="RetentionDays"/> is 0. It only needs to outlive retries and replays: an operation replayed later
    /// than this would be applied again. The default is 7 days. Between 1 hour and 3,650 days.
    /// </summary>
    [DurationLimit("01:00:00", "3650.00:00:00")]
    public TimeSpan AppliedOperationTtl { get; set; } = TimeSpan.FromDays(7);
}
