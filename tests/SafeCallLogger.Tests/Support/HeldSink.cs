namespace SafeCallLogger.Tests.Support;

/// <summary>
/// A sink that is down on purpose while held: every write waits until <see cref="Release"/>, then everything goes to
/// <see cref="Inner"/> (a <see cref="RecordingSink"/>), in the order given.
/// </summary>
internal sealed class HeldSink : ICallSink
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _writes;

    public RecordingSink Inner { get; } = new();

    /// <summary>Writes started, held ones included.</summary>
    public int Writes => Volatile.Read(ref _writes);

    public void Release() => _released.TrySetResult();

    public async ValueTask WriteAsync(IReadOnlyList<CallOperation> operations, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _writes);
        await _released.Task.WaitAsync(cancellationToken);
        await Inner.WriteAsync(operations, cancellationToken);
    }
}
