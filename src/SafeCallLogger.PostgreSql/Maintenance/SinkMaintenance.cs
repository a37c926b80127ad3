using Microsoft.Extensions.Logging;

namespace SafeCallLogger.PostgreSql.Internal;

/// <summary>
/// What the sink does after a successful batch, at most once a day by the injected clock: retention
/// (<see cref="PgRetention"/>). Never fails the batch: a failure is logged and tried again a day later. Not
/// thread-safe: runs under the writer's gate.
/// </summary>
internal sealed class SinkMaintenance(PostgreSqlSinkOptions options, PgTableNames names, ILogger logger)
{
    private static readonly TimeSpan Interval = TimeSpan.FromDays(1);
    private DateTimeOffset? _next;

    public async Task AfterBatchAsync(PgSession session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_next is { } next && now < next)
        {
            return;
        }

        _next = now + Interval;
        try
        {
            var deleted = await PgRetention.RunAsync(session.Connection, names, options, now, cancellationToken).ConfigureAwait(false);
            if (deleted > 0)
            {
                PgLog.RetentionDone(logger, deleted, now.AddDays(-options.RetentionDays));
            }
        }
#pragma warning disable CA1031 // The batch is committed; retention trouble (a cancellation too) must not make the logger retry it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            PgLog.RetentionFailed(logger, ex);
        }
    }
}
