using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SafeCallLogger.Tests.Support;

/// <summary>Keeps every log line the library writes. Also compiled into the SQLite tests.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLine> _lines = new();

    public IReadOnlyList<(LogLevel Level, string Message)> Lines => [.. _lines.Select(l => (l.Level, l.Message))];

    /// <summary>Every line with its event id and the exception logged with it.</summary>
    public IReadOnlyList<CapturedLine> Entries => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(_lines);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<CapturedLine> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(new CapturedLine(logLevel, eventId.Id, formatter(state, exception), exception));
    }
}
