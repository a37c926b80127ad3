using Microsoft.Extensions.Logging;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>The SQLite package's log lines, source-generated so that disabled levels cost nothing.</summary>
internal static partial class SqliteLog
{
    [LoggerMessage(101, LogLevel.Information, "ML: SQLite storage ready: table {Table} in {DataSource} (schema version {Version})")]
    public static partial void Opened(ILogger logger, string table, string dataSource, int version);

    [LoggerMessage(102, LogLevel.Debug, "ML: database busy or locked; retry {Attempt} of {MaxAttempts} in {Delay}")]
    public static partial void BusyRetry(ILogger logger, int attempt, int maxAttempts, TimeSpan delay);

    // Debug and without the exception: the logger that called the sink logs the failure itself, once, with the stack
    // trace the first time (two Warning lines with a stack trace per failed write flooded the log during an outage).
    [LoggerMessage(103, LogLevel.Debug, "ML: SQLite write failed ({Error}); the connection will be reopened on the next write")]
    public static partial void WriteFailed(ILogger logger, string error);

    [LoggerMessage(104, LogLevel.Information, "ML: retention removed {Calls} calls older than {Cutoff}")]
    public static partial void RetentionDone(ILogger logger, int calls, string cutoff);

    [LoggerMessage(105, LogLevel.Warning, "ML: retention failed; it will be tried again in a day")]
    public static partial void RetentionFailed(ILogger logger, Exception exception);

    [LoggerMessage(106, LogLevel.Information, "ML: scheduled backup written to {Path}")]
    public static partial void BackupDone(ILogger logger, string path);

    [LoggerMessage(107, LogLevel.Warning, "ML: scheduled backup failed; it will be tried again in an hour")]
    public static partial void BackupFailed(ILogger logger, Exception exception);

    [LoggerMessage(108, LogLevel.Warning, "ML: {Kind} for call {CallId} discarded: its call is not stored and {Max} operations already wait for theirs; further discards are logged at Debug and counted in OrphanedOperations")]
    public static partial void FirstOrphaned(ILogger logger, CallOperationKind kind, string callId, int max);

    [LoggerMessage(109, LogLevel.Debug, "ML: {Kind} for call {CallId} discarded: its call is not stored and {Max} operations already wait for theirs")]
    public static partial void Orphaned(ILogger logger, CallOperationKind kind, string callId, int max);

    [LoggerMessage(110, LogLevel.Warning, "ML: a waiting click, result or closing line for call {CallId} was refused by the table and is left to expire: {Error}")]
    public static partial void PendingRefused(ILogger logger, string callId, string error);

    [LoggerMessage(111, LogLevel.Warning, "ML: the database file {Path} was deleted or replaced under the sink; reopened at the configured path and the batch is written again there")]
    public static partial void StorageReplaced(ILogger logger, string path);

    [LoggerMessage(112, LogLevel.Warning, "ML: operation {OperationId} cannot be stored (the logger sets it aside as a dead letter): {Error}")]
    public static partial void Unstorable(ILogger logger, Guid operationId, string error);

}
