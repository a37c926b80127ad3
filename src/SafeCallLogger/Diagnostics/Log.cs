using Microsoft.Extensions.Logging;

namespace SafeCallLogger.Diagnostics;

/// <summary>The logger's own log lines, source-generated so that disabled levels cost nothing.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Call Logger started (background mode): queue capacity {Capacity}, sink {Sink}")]
    public static partial void Started(ILogger logger, int capacity, string sink);

    [LoggerMessage(2, LogLevel.Information, "Call Logger stopped: {Written} written, {Lost} lost after acceptance, {NotAccepted} not accepted")]
    public static partial void Stopped(ILogger logger, long written, long lost, long notAccepted);

    [LoggerMessage(3, LogLevel.Debug, "ML: Logged call {CallId} (sent to {UsersNotified} users)")]
    public static partial void CallWritten(ILogger logger, string callId, int usersNotified);

    [LoggerMessage(4, LogLevel.Warning, "ML: {Operation} for call {CallId} rejected: {Reason} ({Field})")]
    public static partial void Rejected(ILogger logger, string operation, string? callId, RejectionReason reason, string? field);

    [LoggerMessage(5, LogLevel.Warning, "ML: {Operation} for call {CallId} rejected: reading the input threw {ExceptionType}: {ExceptionMessage}")]
    public static partial void UnreadableInput(ILogger logger, string operation, string? callId, string exceptionType, string exceptionMessage);

    [LoggerMessage(6, LogLevel.Warning, "ML: queue full ({Capacity}); new operations are not accepted until it drains")]
    public static partial void QueueFull(ILogger logger, int capacity);

    [LoggerMessage(7, LogLevel.Warning, "ML: writing {Count} operations failed ({ConsecutiveErrors} consecutive errors): {Error}; retrying (the stack trace of this error is logged this once)")]
    public static partial void WriteFailed(ILogger logger, Exception exception, int count, int consecutiveErrors, string error);

    [LoggerMessage(8, LogLevel.Critical, "ML: {ConsecutiveErrors} consecutive errors: call logger disabled; {Pending} accepted operations are kept (new ones are refused, or journaled when there is a journal), storage is probed every {ProbeInterval}")]
    public static partial void Disabled(ILogger logger, int consecutiveErrors, long pending, TimeSpan probeInterval);

    [LoggerMessage(9, LogLevel.Information, "ML: storage works again; call logger enabled")]
    public static partial void Recovered(ILogger logger);

    [LoggerMessage(10, LogLevel.Error, "ML: {Kind} for call {CallId} failed alone {Attempts} times while others were written; set aside (operation {OperationId})")]
    public static partial void Quarantined(ILogger logger, CallOperationKind kind, string callId, int attempts, Guid operationId);

    [LoggerMessage(11, LogLevel.Error, "ML: shutdown ran out of time; {Count} accepted operations were not written")]
    public static partial void Abandoned(ILogger logger, long count);

    [LoggerMessage(12, LogLevel.Warning, "ML: alert handler {Handler} failed on a {Kind} alert")]
    public static partial void AlertHandlerFailed(ILogger logger, Exception exception, string handler, CallLoggerAlertKind kind);

    [LoggerMessage(13, LogLevel.Warning, "ML: alert handler {Handler} did not finish a {Kind} alert within {Timeout}; abandoned")]
    public static partial void AlertHandlerTimedOut(ILogger logger, string handler, CallLoggerAlertKind kind, TimeSpan timeout);

    [LoggerMessage(14, LogLevel.Warning, "ML: call logger disabled; new operations are refused until storage works again")]
    public static partial void RefusedWhileDisabled(ILogger logger);

    [LoggerMessage(15, LogLevel.Error, "ML: the background writer stopped unexpectedly")]
    public static partial void WriterCrashed(ILogger logger, Exception exception);

    [LoggerMessage(16, LogLevel.Error, "ML: {Kind} for call {CallId} cannot be stored ({Error}); set aside and kept in {Store}")]
    public static partial void DeadLettered(ILogger logger, CallOperationKind kind, string callId, string error, string store);

    [LoggerMessage(17, LogLevel.Error, "ML: {Kind} for call {CallId} cannot be stored ({Error}) and no dead-letter store took it; this line is its only copy: {Operation}")]
    public static partial void QuarantinedToLog(ILogger logger, CallOperationKind kind, string callId, string error, string operation);

    [LoggerMessage(18, LogLevel.Warning, "ML: could not append to the dead-letter file {Path}")]
    public static partial void DeadLetterFileFailed(ILogger logger, Exception exception, string path);

    [LoggerMessage(19, LogLevel.Warning, "ML: storage was deleted or replaced under the sink ({Message}); writing the batch again to the new one")]
    public static partial void StorageReplaced(ILogger logger, string message);

    [LoggerMessage(20, LogLevel.Warning, "ML: {Suppressed} more rejections were not logged in the last {Window} (counted in health.RejectedByReason)")]
    public static partial void RejectionsSuppressed(ILogger logger, long suppressed, TimeSpan window);

    [LoggerMessage(21, LogLevel.Warning, "ML: writing {Count} operations failed again ({ConsecutiveErrors} consecutive errors): {Error}; retrying")]
    public static partial void WriteFailedAgain(ILogger logger, int count, int consecutiveErrors, string error);

    [LoggerMessage(22, LogLevel.Warning, "ML: writing {Count} operations failed again ({ConsecutiveErrors} consecutive errors): {Error}; retrying. {NotLogged} failed writes before this one were not logged (at most {Lines} lines a minute)")]
    public static partial void WriteFailedAgainAfterSilence(ILogger logger, int count, int consecutiveErrors, string error, long notLogged, int lines);
}
