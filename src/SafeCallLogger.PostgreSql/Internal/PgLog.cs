using Microsoft.Extensions.Logging;

namespace SafeCallLogger.PostgreSql.Internal;

/// <summary>The PostgreSQL package's log lines, source-generated so that disabled levels cost nothing.</summary>
internal static partial class PgLog
{
    [LoggerMessage(201, LogLevel.Information, "ML: PostgreSQL storage ready: table {Schema}.{Table} on {Host}/{Database} (schema version {Version}, was {Previous})")]
    public static partial void Opened(ILogger logger, string schema, string table, string? host, string? database, int version, int previous);

    // Debug and without the exception: the logger that called the sink logs the failure itself, once.
    [LoggerMessage(203, LogLevel.Debug, "ML: PostgreSQL write failed ({Error}); the connection will be reopened on the next write")]
    public static partial void WriteFailed(ILogger logger, string error);

    [LoggerMessage(204, LogLevel.Information, "ML: retention removed {Calls} calls older than {Cutoff:O}")]
    public static partial void RetentionDone(ILogger logger, int calls, DateTimeOffset cutoff);

    [LoggerMessage(205, LogLevel.Warning, "ML: retention failed; it will be tried again in a day")]
    public static partial void RetentionFailed(ILogger logger, Exception exception);

    [LoggerMessage(208, LogLevel.Warning, "ML: {Kind} for call {CallId} discarded: its call is not stored and {Max} operations already wait for theirs; further discards are logged at Debug and counted in OrphanedOperations")]
    public static partial void FirstOrphaned(ILogger logger, CallOperationKind kind, string callId, int max);

    [LoggerMessage(209, LogLevel.Debug, "ML: {Kind} for call {CallId} discarded: its call is not stored and {Max} operations already wait for theirs")]
    public static partial void Orphaned(ILogger logger, CallOperationKind kind, string callId, int max);

    [LoggerMessage(212, LogLevel.Warning, "ML: operation {OperationId} cannot be stored (the logger sets it aside as a dead letter): {Error}")]
    public static partial void Unstorable(ILogger logger, Guid operationId, string error);

    [LoggerMessage(213, LogLevel.Debug, "ML: a batch failed with a data error that does not come back when its operations are tried again ({Error}); retried as an outage")]
    public static partial void DataErrorNotReproduced(ILogger logger, string error);
}
