namespace SafeCallLogger.Alerts;

/// <summary>Adapts a callback to <see cref="ICallLoggerAlertHandler"/>.</summary>
internal sealed class DelegateAlertHandler(Func<CallLoggerAlert, CancellationToken, ValueTask> handler) : ICallLoggerAlertHandler
{
    public ValueTask HandleAsync(CallLoggerAlert alert, CancellationToken cancellationToken) => handler(alert, cancellationToken);
}
