using Microsoft.Extensions.Logging;
using SafeCallLogger.Sqlite.Tests.Support;
using static SafeCallLogger.Sqlite.Tests.Support.TestData;

namespace SafeCallLogger.Sqlite.Tests;

/// <summary>A log provider that throws or blocks costs the sink its log lines, never an open, a batch or the disposal.</summary>
public sealed class SqliteSinkLoggingTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task WriteAsync_LogProviderThrows_OpensWritesAndDisposes()
    {
        var sink = new SqliteCallSink(_db.ConnectionString, loggerFactory: new BadLoggerFactory(block: null));
        await sink.WriteAsync([Upsert("c1")], CancellationToken.None);
        await sink.WriteAsync([Upsert("c2")], CancellationToken.None);
        await sink.DisposeAsync();

        Assert.Equal(2L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls"));
    }

    [Fact]
    public async Task WriteAsync_LogProviderBlocks_OpensWritesAndDisposesWhileItIsBlocked()
    {
        using var release = new ManualResetEventSlim();
        var factory = new BadLoggerFactory(release);
        try
        {
            var sink = new SqliteCallSink(_db.ConnectionString, loggerFactory: factory);
            await sink.WriteAsync([Upsert("c1")], CancellationToken.None).AsTask().WaitAsync(TestWait.Guard);
            await TestWait.Until(() => factory.Blocked, "the provider to be blocked on a log line");
            await sink.WriteAsync([Upsert("c2")], CancellationToken.None).AsTask().WaitAsync(TestWait.Guard);
            await sink.DisposeAsync().AsTask().WaitAsync(TestWait.Guard);

            Assert.True(factory.Blocked);
            Assert.Equal(2L, _db.Count("SELECT COUNT(*) FROM arbitrage_calls"));
        }
        finally
        {
            release.Set();
        }
    }

    // Hand-written on purpose: FakeLogger records lines, it cannot throw from BeginScope/Log or block a writer.
    /// <summary>A provider that throws everywhere, or (with <c>block</c>) whose Log waits until released.</summary>
    private sealed class BadLoggerFactory(ManualResetEventSlim? block) : ILoggerFactory, ILogger
    {
        private volatile bool _blocked;

        public bool Blocked => _blocked;

        public ILogger CreateLogger(string categoryName) => this;

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => throw new InvalidOperationException("scope");

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (block is null)
            {
                throw new InvalidOperationException("log");
            }

            _blocked = true;
            block.Wait();
        }
    }
}
