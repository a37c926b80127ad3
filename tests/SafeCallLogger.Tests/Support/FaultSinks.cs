using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SafeCallLogger.Tests.Support;

/// <summary>Refuses, by name, every operation matching <c>refuse</c>, as a table constraint would; stores the rest.</summary>
internal sealed class UnstorableSink(Func<CallOperation, bool> refuse) : ICallSink
{
    private long _calls;

    public InMemoryCallSink Inner { get; } = new();

    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>While set, every write fails as an outage would (before looking at the operations).</summary>
    public volatile bool Down;

    public ValueTask WriteAsync(IReadOnlyList<CallOperation> operations, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        if (Down)
        {
            throw new IOException("disk I/O error (injected)");
        }

        foreach (var operation in operations)
        {
            if (refuse(operation))
            {
                throw new UnstorableOperationException(operation.OperationId, "CHECK constraint failed (injected)");
            }
        }

        return Inner.WriteAsync(operations, cancellationToken);
    }
}

/// <summary>Like <see cref="UnstorableSink"/>, and keeps the refused operations itself, as a database's dead-letter table does.</summary>
internal sealed class UnstorableSinkWithDeadLetters(Func<CallOperation, bool> refuse) : ICallSink, IDeadLetterSink
{
    private readonly UnstorableSink _inner = new(refuse);

    public InMemoryCallSink Inner => _inner.Inner;

    public ValueTask WriteAsync(IReadOnlyList<CallOperation> operations, CancellationToken cancellationToken) =>
        _inner.WriteAsync(operations, cancellationToken);

    public ValueTask WriteDeadLettersAsync(IReadOnlyList<DeadLetter> letters, CancellationToken cancellationToken) =>
        Inner.WriteDeadLettersAsync(letters, cancellationToken);
}

/// <summary>Reports its storage replaced on the first <c>times</c> writes, then stores.</summary>
internal sealed class ReplacingSink(int times) : ICallSink
{
    private int _left = times;

    public InMemoryCallSink Inner { get; } = new();

    public ValueTask WriteAsync(IReadOnlyList<CallOperation> operations, CancellationToken cancellationToken)
    {
        if (Interlocked.Decrement(ref _left) >= 0)
        {
            throw new StorageReplacedException("calls.db was deleted (injected)");
        }

        return Inner.WriteAsync(operations, cancellationToken);
    }
}

/// <summary>Fails writes and probes alike while <see cref="Down"/>; counts both.</summary>
internal sealed class ProbedSink : ICallSink, ICallSinkProbe
{
    private long _writes;
    private long _probes;

    public volatile bool Down = true;

    public InMemoryCallSink Inner { get; } = new();

    public long Writes => Interlocked.Read(ref _writes);

    public long Probes => Interlocked.Read(ref _probes);

    public ValueTask WriteAsync(IReadOnlyList<CallOperation> operations, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _writes);
        return Down ? throw new IOException("database is locked (injected)") : Inner.WriteAsync(operations, cancellationToken);
    }

    public ValueTask ProbeAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _probes);
        return Down ? throw new IOException("database is locked (injected)") : ValueTask.CompletedTask;
    }
}

/// <summary>Keeps the very list object each write was given, and what it held at the time.</summary>
internal sealed class ListKeepingSink : ICallSink
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<(IReadOnlyList<CallOperation> List, CallOperation[] Held)> Received { get; } = new();

    public void Release() => _release.TrySetResult();

    public async ValueTask WriteAsync(IReadOnlyList<CallOperation> operations, CancellationToken cancellationToken)
    {
        Received.Enqueue((operations, [.. operations]));
        if (Received.Count == 1)
        {
            // Ignores its token, like a driver stuck in native code.
            await _release.Task;
        }
    }
}

/// <summary>A clock that throws from <see cref="GetTimestamp"/> once <see cref="Broken"/> is set: a fault no sink can cause.</summary>
internal sealed class BreakableClock : TimeProvider
{
    public volatile bool Broken;

    public override long GetTimestamp() => Broken ? throw new InvalidOperationException("clock broken (injected)") : base.GetTimestamp();
}

// Hand-written on purpose: FakeLogger records lines, it cannot block the thread that logs.
/// <summary>A logging provider whose every write blocks until released: a console whose stdout nobody reads.</summary>
internal sealed class BlockingLoggerProvider : ILoggerProvider
{
    private readonly ManualResetEventSlim _release = new(false);
    private long _entered;

    public long Entered => Interlocked.Read(ref _entered);

    public void Release() => _release.Set();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose() => _release.Set();

    private sealed class Logger(BlockingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            Interlocked.Increment(ref owner._entered);
            owner._release.Wait();
        }
    }
}

/// <summary>Each write waits until the test lets it through with <see cref="Release"/>; counts the writes started.</summary>
internal sealed class GateSink : ICallSink
{
    private readonly SemaphoreSlim _gate = new(0);
    private int _started;

    public int Started => Volatile.Read(ref _started);

    public void Release() => _gate.Release();

    public async ValueTask WriteAsync(IReadOnlyList<CallOperation> operations, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _started);
        await _gate.WaitAsync(cancellationToken);
    }
}
