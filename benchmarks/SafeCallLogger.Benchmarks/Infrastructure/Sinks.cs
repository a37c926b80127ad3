namespace SafeCallLogger.Benchmarks.Infrastructure;

/// <summary>The fastest possible healthy sink: counts and returns, so the queue never fills.</summary>
public sealed class CountingSink : ICallSink
{
    private long _operations;

    public long Operations => Interlocked.Read(ref _operations);

    public ValueTask WriteAsync(IReadOnlyList<CallOperation> operations, CancellationToken cancellationToken)
    {
        Interlocked.Add(ref _operations, operations.Count);
        return ValueTask.CompletedTask;
    }
}

/// <summary>A sink whose write never completes and ignores its token: storage that hangs.</summary>
public sealed class HungSink : ICallSink
{
    private readonly TaskCompletionSource _never = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ValueTask WriteAsync(IReadOnlyList<CallOperation> operations, CancellationToken cancellationToken) => new(_never.Task);
}
