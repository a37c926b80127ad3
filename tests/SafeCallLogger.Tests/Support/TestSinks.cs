using System.Collections.Concurrent;

namespace SafeCallLogger.Tests.Support;

/// <summary>Counts what it receives; thread-safe; never fails.</summary>
internal sealed class CountingSink : ICallSink
{
    private long _operations;

    public long Operations => Interlocked.Read(ref _operations);

    public ValueTask WriteAsync(IReadOnlyList<CallOperation> operations, CancellationToken cancellationToken)
    {
        Interlocked.Add(ref _operations, operations.Count);
        return ValueTask.CompletedTask;
    }
}

/// <summary>Fails on purpose: throws while <see cref="Failing"/> is set, and records what got through.</summary>
internal sealed class FlakySink : ICallSink
{
    private readonly ConcurrentQueue<CallOperation> _written = new();
    private long _attempts;

    public volatile bool Failing = true;

    public long Attempts => Interlocked.Read(ref _attempts);

    public IReadOnlyCollection<CallOperation> Written => _written;

    public ValueTask WriteAsync(IReadOnlyList<CallOperation> operations, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        if (Failing)
        {
            throw new InvalidOperationException("database is locked (injected)");
        }

        foreach (var operation in operations)
        {
            _written.Enqueue(operation);
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>Fails any batch that contains an operation on <c>poisonCallId</c>, like a row the database refuses.</summary>
internal sealed class PoisonSink(string poisonCallId) : ICallSink
{
    public InMemoryCallSink Inner { get; } = new();

    public ValueTask WriteAsync(IReadOnlyList<CallOperation> operations, CancellationToken cancellationToken)
    {
        if (operations.Any(o => o.CallId == poisonCallId))
        {
            throw new FormatException("constraint failed (injected)");
        }

        return Inner.WriteAsync(operations, cancellationToken);
    }
}

/// <summary>
/// Hangs: each write waits for <see cref="Release"/>. With <c>honourToken: false</c> it ignores its cancellation
/// token, like a driver stuck in native code.
/// </summary>
internal sealed class HangingSink(bool honourToken) : ICallSink
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _written;
    private int _calls;

    /// <summary>When set, only the first write hangs; later ones succeed at once.</summary>
    public bool HangOnlyOnce { get; init; }

    public Task Entered => _entered.Task;

    public long Written => Interlocked.Read(ref _written);

    public int Calls => Volatile.Read(ref _calls);

    public void Release() => _release.TrySetResult();

    public async ValueTask WriteAsync(IReadOnlyList<CallOperation> operations, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref _calls);
        _entered.TrySetResult();
        if (!HangOnlyOnce || call == 1)
        {
            if (honourToken)
            {
                await _release.Task.WaitAsync(cancellationToken);
            }
            else
            {
                await _release.Task;
            }
        }

        Interlocked.Add(ref _written, operations.Count);
    }
}
