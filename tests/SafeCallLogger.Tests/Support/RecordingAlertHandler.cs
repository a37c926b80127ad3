using System.Collections.Concurrent;

namespace SafeCallLogger.Tests.Support;

/// <summary>Keeps every alert and lets a test wait for one of a given kind.</summary>
internal sealed class RecordingAlertHandler : ICallLoggerAlertHandler
{
    private readonly ConcurrentQueue<CallLoggerAlert> _alerts = new();
    private readonly ConcurrentDictionary<CallLoggerAlertKind, TaskCompletionSource<CallLoggerAlert>> _waiters = new();

    public IReadOnlyList<CallLoggerAlert> Alerts => [.. _alerts];

    public ValueTask HandleAsync(CallLoggerAlert alert, CancellationToken cancellationToken)
    {
        _alerts.Enqueue(alert);
        Waiter(alert.Kind).TrySetResult(alert);
        return ValueTask.CompletedTask;
    }

    public Task<CallLoggerAlert> WaitFor(CallLoggerAlertKind kind) => Waiter(kind).Task.WaitAsync(TestWait.Guard);

    private TaskCompletionSource<CallLoggerAlert> Waiter(CallLoggerAlertKind kind) =>
        _waiters.GetOrAdd(kind, _ => new TaskCompletionSource<CallLoggerAlert>(TaskCreationOptions.RunContinuationsAsynchronously));
}
