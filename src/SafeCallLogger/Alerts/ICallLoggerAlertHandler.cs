namespace SafeCallLogger;

/// <summary>
/// Receives the logger's alerts, for instance to message the bot's admin. Called off the logging path, one alert at a
/// time; a handler that throws or exceeds <see cref="CallLoggerOptions.AlertHandlerTimeout"/> is logged and skipped,
/// and never affects logging. For a one-line callback use <see cref="CallLoggerOptions.OnAlert(Func{CallLoggerAlert, CancellationToken, ValueTask})"/> or its <see cref="Task"/> form, <see cref="CallLoggerOptionsAlertExtensions.OnAlert(CallLoggerOptions, Func{CallLoggerAlert, CancellationToken, Task})"/>.
/// </summary>
public interface ICallLoggerAlertHandler
{
    /// <summary>Handles one alert.</summary>
    /// <param name="alert">The alert.</param>
    /// <param name="cancellationToken">Cancelled when <see cref="CallLoggerOptions.AlertHandlerTimeout"/> expires or the logger stops.</param>
    ValueTask HandleAsync(CallLoggerAlert alert, CancellationToken cancellationToken);
}
