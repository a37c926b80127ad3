using Microsoft.Extensions.Logging;

namespace SafeCallLogger.Diagnostics;

/// <summary>
/// Wraps the application's logger so that a provider that throws (a full disk, a broken sink) can never reach a
/// <c>...Safe</c> caller or stop the background writer. Microsoft.Extensions.Logging rethrows provider failures as an
/// <see cref="AggregateException"/>; here they are swallowed: logging is the one thing we may lose.
/// </summary>
internal sealed class NeverThrowingLogger(ILogger inner) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull
    {
        try
        {
            return inner.BeginScope(state);
        }
#pragma warning disable CA1031 // See the class summary.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    public bool IsEnabled(LogLevel logLevel)
    {
        try
        {
            return inner.IsEnabled(logLevel);
        }
#pragma warning disable CA1031 // See the class summary.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        try
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
        }
#pragma warning disable CA1031 // See the class summary.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
