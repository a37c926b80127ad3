using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SafeCallLogger.Diagnostics;

/// <summary>
/// The logger every part of the library logs through: entries are handed to a <see cref="LogPump"/> and written off
/// the calling thread by a <see cref="NeverThrowingLogger"/>, so a slow, blocked or throwing provider can neither
/// block nor crash a <c>...Safe</c> caller or the background writer. Scopes are not carried (they belong to the
/// calling thread).
/// </summary>
internal sealed class BackgroundLogger : ILogger
{
    private readonly ILogger _inner;
    private readonly LogPump _pump;

    private BackgroundLogger(ILogger inner, LogPump pump)
    {
        _inner = inner;
        _pump = pump;
    }

    /// <summary>
    /// The library's logger for <paramref name="category"/>: <see cref="NullLogger.Instance"/> without a factory,
    /// otherwise a background logger on <paramref name="pump"/>. Never throws.
    /// </summary>
    public static ILogger Create(ILoggerFactory? factory, string category, LogPump pump)
    {
        if (factory is null)
        {
            return NullLogger.Instance;
        }

        try
        {
            return new BackgroundLogger(new NeverThrowingLogger(factory.CreateLogger(category)), pump);
        }
#pragma warning disable CA1031 // A factory that cannot create a logger costs the logs, never the logger.
        catch (Exception)
#pragma warning restore CA1031
        {
            return NullLogger.Instance;
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => _inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (_inner.IsEnabled(logLevel))
        {
            _pump.Post(new Entry<TState>(_inner, logLevel, eventId, state, exception, formatter));
        }
    }

    private sealed class Entry<TState>(
        ILogger logger, LogLevel level, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) : LogEntry
    {
        public override void Write() => logger.Log(level, eventId, state, exception, formatter);
    }
}
