using System.Collections.Concurrent;

namespace SafeCallLogger.Tests.Support;

/// <summary>Keeps every operation it is given, as given; thread-safe; never fails.</summary>
internal sealed class RecordingSink : ICallSink
{
    private readonly ConcurrentQueue<CallOperation> _operations = new();

    public IReadOnlyCollection<CallOperation> Operations => _operations;

    public ValueTask WriteAsync(IReadOnlyList<CallOperation> operations, CancellationToken cancellationToken)
    {
        foreach (var operation in operations)
        {
            _operations.Enqueue(operation);
        }

        return ValueTask.CompletedTask;
    }
}
