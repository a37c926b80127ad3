using Microsoft.Extensions.Logging;

namespace SafeCallLogger.Sqlite.Tests.Support;

/// <summary>A logger factory that completes <see cref="Seen"/> when a log line with <paramref name="eventId"/> is written.</summary>
internal sealed class SignalLoggerFactory(int eventId) : ILoggerFactory, ILogger
{
    private readonly int _eventId = eventId;
    private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _count;

    public Task Seen => _seen.Task;

    public int Count => Volatile.Read(ref _count);

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (eventId.Id == _eventId)
        {
            Interlocked.Increment(ref _count);
            _seen.TrySetResult();
        }
    }
}
