using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// Runs <see cref="TimestampUpgrade"/> from the sink's maintenance after a batch, like retention: a bounded number of
/// small transactions per run, until the job is finished, then never again in this process. Never throws: a failure
/// is logged and the job resumes an hour later. Not thread-safe: the sink runs maintenance under its write gate.
/// </summary>
internal sealed class TimestampUpgradeRunner
{
    /// <summary>Transactions per run: with the default 500 rows each, a year of calls (36,500) takes four batches.</summary>
    public const int TransactionsPerRun = 20;

    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromHours(1);

    private bool _finished;
    private DateTimeOffset? _notBefore;

    /// <summary><see langword="true"/> once the job is known to be finished.</summary>
    public bool Finished => _finished;

    /// <summary>Runs a bounded share of the job on <paramref name="connection"/> (nothing when <see langword="null"/>).</summary>
    public void RunAfterBatch(SqliteConnection? connection, TableNames t, SqliteSinkOptions options, DateTimeOffset now, ILogger logger, CancellationToken cancellationToken)
    {
        if (connection is null || _finished || (_notBefore is { } notBefore && now < notBefore))
        {
            return;
        }

        try
        {
            var wasRunning = IsRunning(connection, t);
            _finished = TimestampUpgrade.Run(connection, t, options.RetentionBatchSize, TransactionsPerRun, now, cancellationToken);
            if (_finished && wasRunning)
            {
                TimestampUpgrade.Finished(logger);
            }
        }
#pragma warning disable CA1031 // The batch is committed; upgrade trouble must not make the logger retry it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _notBefore = now + RetryAfterFailure;
            TimestampUpgrade.Failed(logger, ex);
        }
    }

    private static bool IsRunning(SqliteConnection connection, TableNames t)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT EXISTS (SELECT 1 FROM {TimestampUpgrade.StateTable(t)} WHERE name = $job AND finished_at IS NULL)";
        command.Parameters.AddWithValue("$job", TimestampUpgrade.JobName);
        return (long)command.ExecuteScalar()! != 0;
    }
}
