using System.Collections.Concurrent;

namespace SafeCallLogger.Tests.Support;

/// <summary>
/// Down on purpose for its first <c>attempts</c> writes, and for every write until <see cref="Recover"/> is called
/// (so the outage outlasts however fast the test logs), then stores; keeps what it stored in the order it was given.
/// </summary>
internal sealed class DownForAttemptsSink(int attempts) : ICallSink
{
    private readonly ConcurrentQueue<CallOperation> _written = new();
    private long _attempts;
    private volatile bool _recovered;

    public long Attempts => Interlocked.Read(ref _attempts);

    public IReadOnlyCollection<CallOperation> Written => _written;

    public void Recover() => _recovered = true;

    public ValueTask WriteAsync(IReadOnlyList<CallOperation> operations, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _attempts) <= attempts || !_recovered)
        {
            throw new IOException("database is locked (injected)");
        }

        foreach (var operation in operations)
        {
            _written.Enqueue(operation);
        }

        return ValueTask.CompletedTask;
    }
}
