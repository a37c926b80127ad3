using Microsoft.Extensions.Logging;

namespace SafeCallLogger.Diagnostics;

/// <summary>
/// Logs rejections, at most <see cref="LinesPerWindow"/> a minute: a bot that sends garbage in a loop gets a few
/// lines that say what is wrong and a count of the rest, not a flood. Every rejection is counted anyway
/// (<see cref="CallLoggerHealth.RejectedByReason"/>). Runs on the caller's thread, so it only decides and posts:
/// the line is written by the background log pump.
/// </summary>
internal sealed class RejectionLog(ILogger logger, TimeProvider time)
{
    public const int LinesPerWindow = 10;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly object _gate = new();
    private long _windowStart;
    private int _linesInWindow;
    private long _suppressed;

    public void Rejected(string operation, string? callId, RejectionReason reason, string? field)
    {
        if (logger.IsEnabled(LogLevel.Warning) && Allow())
        {
            Log.Rejected(logger, operation, LogText.Id(callId), reason, field);
        }
    }

    public void Unreadable(Exception exception, string operation, string? callId)
    {
        if (logger.IsEnabled(LogLevel.Warning) && Allow())
        {
            Log.UnreadableInput(logger, operation, LogText.Id(callId), exception.GetType().Name, LogText.Cut(exception.Message, 200) ?? string.Empty);
        }
    }

    private bool Allow()
    {
        long suppressed;
        lock (_gate)
        {
            var now = time.GetTimestamp();
            if (_windowStart != 0 && time.GetElapsedTime(_windowStart, now) < Window)
            {
                if (_linesInWindow >= LinesPerWindow)
                {
                    _suppressed++;
                    return false;
                }

                _linesInWindow++;
                return true;
            }

            _windowStart = now;
            _linesInWindow = 1;
            suppressed = _suppressed;
            _suppressed = 0;
        }

        if (suppressed > 0)
        {
            Log.RejectionsSuppressed(logger, suppressed, Window);
        }

        return true;
    }
}
