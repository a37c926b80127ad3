using Microsoft.Extensions.Logging;

namespace SafeCallLogger.Diagnostics;

/// <summary>The journal's log lines, source-generated so that disabled levels cost nothing.</summary>
internal static partial class JournalLog
{
    [LoggerMessage(101, LogLevel.Information, "ML: journal {Directory} opened ({Mode}): {Pending} operations of an earlier run to replay, {Corrupt} damaged regions skipped, {Torn} torn bytes cut")]
    public static partial void Opened(ILogger logger, string directory, JournalMode mode, long pending, int corrupt, int torn);

    [LoggerMessage(102, LogLevel.Critical, "ML: the journal {Directory} cannot be used ({Reason}); the logger works in memory without it")]
    public static partial void Unavailable(ILogger logger, Exception? exception, string directory, string reason);

    [LoggerMessage(103, LogLevel.Critical, "ML: the journal {Directory} is full ({Bytes} bytes); calls that find the queue full are refused until the sink has taken some of it")]
    public static partial void Full(ILogger logger, string directory, long bytes);

    [LoggerMessage(104, LogLevel.Debug, "ML: journaling new operations ({Why}); they are replayed to the sink in order")]
    public static partial void Engaged(ILogger logger, string why);

    [LoggerMessage(105, LogLevel.Debug, "ML: the journal is caught up; new operations go through memory again")]
    public static partial void Disengaged(ILogger logger);

    [LoggerMessage(106, LogLevel.Warning, "ML: stopping with {Count} operations in the journal {Directory}; the next start replays them")]
    public static partial void LeftInJournal(ILogger logger, long count, string directory);

    [LoggerMessage(107, LogLevel.Information, "ML: the journal {Directory} works again")]
    public static partial void Available(ILogger logger, string directory);
}
