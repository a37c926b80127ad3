using Microsoft.Extensions.Logging;

namespace SafeCallLogger.Diagnostics;

/// <summary>
/// Logs failed sink writes without flooding: during an outage the writer retries every few milliseconds at first, and
/// a line with a stack trace per retry buried everything else (thousands of lines a second). Each failed write gets
/// at most one line; the stack trace is logged with the first failure of each distinct error (its type and message),
/// later ones get a short line, at most <see cref="RepeatLinesPerWindow"/> lines a minute in all, and the next repeat
/// line says how many were left out. Every failure is counted anyway (<see cref="CallLoggerHealth.Errors"/>). Called by
/// the writer only, one failure at a time.
/// </summary>
internal sealed class WriteFailureLog(ILogger logger, TimeProvider time)
{
    public const int RepeatLinesPerWindow = 10;

    /// <summary>Distinct errors remembered; past that the memory starts again, so a stack trace may be logged twice, never unboundedly.</summary>
    public const int MaxDistinctErrors = 64;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly HashSet<(Type Type, string Message)> _seen = [];
    private long _windowStart;
    private int _linesInWindow;
    private long _notLogged;

    public void Failed(Exception error, int count, int consecutiveErrors)
    {
        if (!logger.IsEnabled(LogLevel.Warning))
        {
            return;
        }

        var key = (error.GetType(), error.Message);
        if (!_seen.Contains(key) && _seen.Count >= MaxDistinctErrors)
        {
            _seen.Clear();
        }

        var isNew = _seen.Add(key);
        if (!TakeLine() && !isNew)
        {
            _notLogged++;
            return;
        }

        var text = error.GetType().Name + ": " + LogText.Cut(error.Message, 300);
        if (isNew)
        {
            // What was left out is said by the next repeat's line, which is about the same outage.
            Log.WriteFailed(logger, error, count, consecutiveErrors, text);
        }
        else if (_notLogged == 0)
        {
            Log.WriteFailedAgain(logger, count, consecutiveErrors, text);
        }
        else
        {
            Log.WriteFailedAgainAfterSilence(logger, count, consecutiveErrors, text, _notLogged, RepeatLinesPerWindow);
            _notLogged = 0;
        }
    }

    /// <summary>Takes a line from this minute's allowance; <see langword="false"/> when it is used up.</summary>
    private bool TakeLine()
    {
        var now = time.GetTimestamp();
        if (_windowStart == 0 || time.GetElapsedTime(_windowStart, now) >= Window)
        {
            _windowStart = now;
            _linesInWindow = 0;
        }

        return ++_linesInWindow <= RepeatLinesPerWindow;
    }
}
