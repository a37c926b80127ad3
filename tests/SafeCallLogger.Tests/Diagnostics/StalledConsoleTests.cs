using System.Diagnostics;
using System.IO.Pipes;
using Microsoft.Extensions.Logging;
using SafeCallLogger.Tests.Support;
using Xunit.Abstractions;

namespace SafeCallLogger.Tests.Diagnostics;

/// <summary>Console.Out is process-wide: these tests run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}

/// <summary>
/// The fault of the issue itself, in process: the console logger of the generic host writing to a stdout pipe that
/// nobody reads. Its 64 KiB pipe buffer fills, its writer thread blocks, its queue fills, and from then on every
/// <c>ILogger.Log</c> call waits. No <c>...Safe</c> call may wait with it.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class StalledConsoleTests(ITestOutputHelper output)
{
    [Fact]
    public async Task LogCallSafe_ConsoleLoggerOnAStdoutNobodyReads_HalfTheInputInvalid_NoCallWaitsForTheConsole()
    {
        var original = Console.Out;
        using var pipe = new AnonymousPipeServerStream(PipeDirection.Out);
        using var unreadEnd = new AnonymousPipeClientStream(PipeDirection.In, pipe.ClientSafePipeHandle);
        var stdout = new StreamWriter(pipe) { AutoFlush = true }; // not disposed: its pipe is closed under it on purpose
        Console.SetOut(stdout);
        var factory = LoggerFactory.Create(b => b.AddConsole(o => o.MaxQueueLength = 16).SetMinimumLevel(LogLevel.Trace));
        var logger = new CallLogger(new InMemoryCallSink(), new CallLoggerOptions { QueueCapacity = 100_000 }, factory);
        try
        {
            // Fill the pipe and the console logger's queue first, so the run below meets a console already stalled.
            // About 300 such lines fill the pipe; past that the console's writer and then this loop block for good.
            var direct = factory.CreateLogger("bot");
            var issued = 0;
            var filler = Task.Run(() =>
            {
                for (var i = 0; i < 2_000; i++)
                {
                    direct.LogInformation("{Padding}", new string('x', 200));
                    Interlocked.Increment(ref issued);
                }
            });
            await TestWait.Until(() => Volatile.Read(ref issued) >= 250, "the bot's own logging to nearly fill the pipe");

            var slowest = TimeSpan.Zero;
            var slowestAt = -1;
            var run = Task.Run(() =>
            {
                for (var i = 0; i < 2_000; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    logger.LogCallSafe(i % 2 == 0 ? Calls.Arbitrage(i) : Calls.Arbitrage(i, callId: "bad id " + i));
                    var took = Stopwatch.GetElapsedTime(started);
                    // The first call of each kind (valid, invalid) pays for JIT compilation; the issue measures after it.
                    if (i > 1 && took > slowest)
                    {
                        slowest = took;
                        slowestAt = i;
                    }
                }
            });

            // A hang detector, not a timing assertion: before the fix the first rejection blocked until stdout was read.
            await run.WaitAsync(TestWait.Guard);
            output.WriteLine($"slowest LogCallSafe after the first of each kind: {slowest.TotalMilliseconds:F3} ms (call {slowestAt})");
            Assert.Equal(1_000, logger.GetHealth().Rejected);
            Assert.False(filler.IsCompleted, "the console must still be stalled, or the test proved nothing");
        }
        finally
        {
            Console.SetOut(original);
            unreadEnd.Dispose();
            pipe.Dispose();
            await logger.DisposeAsync();
            factory.Dispose();
        }
    }
}
