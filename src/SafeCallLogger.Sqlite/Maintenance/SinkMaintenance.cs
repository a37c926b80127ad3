using Microsoft.Extensions.Logging;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// What the sink does after a successful batch: retention at most once a day (a backlog worked off over the following
/// batches), a bounded share of the old-timestamp conversion while one is pending, and a scheduled backup started off
/// the writer when due. None of them ever fails a write.
/// </summary>
internal sealed class SinkMaintenance
{
    private static readonly TimeSpan RetentionInterval = TimeSpan.FromDays(1);

    // One run deletes at most this many transactions of calls; a backlog (a first run on an old file) is worked off
    // over the following batches instead of stalling one write.
    private const int RetentionBatchesPerRun = 20;

    private readonly SqliteSinkOptions _options;
    private readonly TableNames _names;
    private readonly ILogger _logger;
    private readonly TimestampUpgradeRunner _timestampUpgrade = new();
    private DateTimeOffset? _lastRetention;

    public SinkMaintenance(string connectionString, SqliteSinkOptions options, TableNames names, ILogger logger)
    {
        _options = options;
        _names = names;
        _logger = logger;
        if (options.BackupDirectory is not null)
        {
            Backups = new BackupSchedule(connectionString, options, logger);
        }
    }

    public BackupSchedule? Backups { get; }

    /// <summary>Runs what is due after a committed batch. Never throws.</summary>
    public void AfterBatch(SinkSession session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Backups?.StartIfDue(now);
        _timestampUpgrade.RunAfterBatch(session.Connection, _names, _options, now, _logger, cancellationToken);
        if (_lastRetention is { } last && now - last < RetentionInterval)
        {
            return;
        }

        _lastRetention = now;
        try
        {
            var deleted = Retention.Run(session.Connection, _names, _options, now, cancellationToken, out var finished, RetentionBatchesPerRun);
            if (!finished)
            {
                // More may remain: run again after the next batch rather than tomorrow.
                _lastRetention = null;
            }

            if (deleted > 0)
            {
                SqliteLog.RetentionDone(_logger, deleted, SqliteText.Timestamp(now - TimeSpan.FromDays(_options.RetentionDays)));
            }
        }
#pragma warning disable CA1031 // The batch is committed; retention trouble must not make the logger retry it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            SqliteLog.RetentionFailed(_logger, ex);
        }
    }
}
