namespace SafeCallLogger.Tests.Support;

/// <summary>Stores every write but the <c>hangOn</c>-th, which ignores its token and hangs until released.</summary>
internal sealed class HangsOnNthWriteSink(int hangOn) : ICallSink
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _calls;

    public InMemoryCallSink Inner { get; } = new();

    public int Calls => Volatile.Read(ref _calls);

    public void Release() => _release.TrySetResult();

    public async ValueTask WriteAsync(IReadOnlyList<CallOperation> operations, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _calls) == hangOn)
        {
            await _release.Task;
            return;
        }

        await Inner.WriteAsync(operations, cancellationToken);
    }
}

/// <summary>The first write blocks until released, then stores; later writes store at once.</summary>
internal sealed class GatedSink : ICallSink
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _calls;

    public InMemoryCallSink Inner { get; } = new();

    public int Calls => Volatile.Read(ref _calls);

    public void Release() => _release.TrySetResult();

    public async ValueTask WriteAsync(IReadOnlyList<CallOperation> operations, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _calls) == 1)
        {
            await _release.Task;
        }

        await Inner.WriteAsync(operations, cancellationToken);
    }
}

/// <summary>
/// Fails every write of more than one operation (a sink that cannot say which one is at fault); stores a single
/// operation, except <c>hangingId</c>, whose write waits for its token to be cancelled.
/// </summary>
internal sealed class OnlySinglesSink(string hangingId) : ICallSink
{
    private int _hanging;

    public InMemoryCallSink Inner { get; } = new();

    public bool Hanging => Volatile.Read(ref _hanging) == 1;

    public async ValueTask WriteAsync(IReadOnlyList<CallOperation> operations, CancellationToken cancellationToken)
    {
        if (operations.Count > 1)
        {
            throw new IOException("disk I/O error (injected)");
        }

        if (operations[0].CallId == hangingId)
        {
            Volatile.Write(ref _hanging, 1);
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        await Inner.WriteAsync(operations, cancellationToken);
    }
}

/// <summary>Refuses <c>refusedId</c> by name, and refuses it again, by name, as a dead letter; stores the rest.</summary>
internal sealed class RefusesItsDeadLetterSink(string refusedId) : ICallSink, IDeadLetterSink
{
    private int _letterWrites;

    public InMemoryCallSink Inner { get; } = new();

    public int LetterWrites => Volatile.Read(ref _letterWrites);

    public ValueTask WriteAsync(IReadOnlyList<CallOperation> operations, CancellationToken cancellationToken)
    {
        foreach (var operation in operations)
        {
            if (operation.CallId == refusedId)
            {
                throw new UnstorableOperationException(operation.OperationId, "CHECK constraint failed (injected)");
            }
        }

        return Inner.WriteAsync(operations, cancellationToken);
    }

    public ValueTask WriteDeadLettersAsync(IReadOnlyList<DeadLetter> letters, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _letterWrites);
        throw new UnstorableOperationException(letters[0].Operation.OperationId, "string or blob too big (injected)");
    }
}

/// <summary>A clock whose every timestamp is one tick after the last: time always passes between two readings.</summary>
internal sealed class SteppingClock : TimeProvider
{
    private long _ticks = TimeSpan.TicksPerDay;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Increment(ref _ticks);
}

/// <summary>Its first write ignores its token and runs until released; records whether it was disposed meanwhile.</summary>
internal sealed class StubbornDisposableSink : ICallSink, IDisposable
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _running;
    private int _disposedDuringWrite;

    public bool Running => Volatile.Read(ref _running) == 1;

    public bool DisposedDuringWrite => Volatile.Read(ref _disposedDuringWrite) == 1;

    public void Release() => _release.TrySetResult();

    public async ValueTask WriteAsync(IReadOnlyList<CallOperation> operations, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _running, 1);
        await _release.Task;
        Volatile.Write(ref _running, 0);
    }

    public void Dispose()
    {
        if (Running)
        {
            Volatile.Write(ref _disposedDuringWrite, 1);
        }
    }
}
