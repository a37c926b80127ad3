namespace SafeCallLogger.Benchmarks;

/// <summary>
/// Counts the bytes allocated on the calling thread per call (MemoryDiagnoser counts every thread, so it includes the
/// background writer's share). Run with <c>--alloc-probe</c>.
/// </summary>
public static class AllocationProbe
{
    private const int Calls = 200_000;

    public static void Run()
    {
        var b = new EnqueueBenchmarks();
        b.Setup();
        try
        {
            Console.WriteLine("| Operation | Caller-thread bytes per call |");
            Console.WriteLine("|---|---:|");
            Measure("Floor: Channel.TryWrite", () => b.Floor());
            Measure("LogCallSafe, supplied id", () => b.LogCallSafe_SuppliedId());
            Measure("LogCallSafe, generated id", () => b.LogCallSafe_GeneratedId());
            Measure("LogCallSafe, supplied id, 10-field RawData", () => b.LogCallSafe_RawData10());
            Measure("LogCallSafe, supplied id, spill journal (healthy)", () => b.LogCallSafe_Spill());
            Measure("LogCallSafe, supplied id, durable journal", () => b.LogCallSafe_Durable());
            Measure("IncrementClickSafe", () => b.IncrementClickSafe());
            Measure("Serilog + Sinks.Async", b.Serilog);
            Measure("NLog AsyncTargetWrapper", b.NLog);
            Console.WriteLine("(a 16-character string is 56 bytes on x64: 8 header + 8 method table + 4 length + 16 UTF-16 chars + terminator = 54, rounded up to 56)");
        }
        finally
        {
            b.Cleanup();
        }
    }

    private static void Measure<T>(string name, Func<T> call) => Measure(name, () => { _ = call(); });

    private static void Measure(string name, Action call)
    {
        for (var i = 0; i < 10_000; i++)
        {
            call();
        }

        // Best of three rounds: the first rounds also pay for the channel's internal buffer growing to its deepest.
        var best = long.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            Thread.Sleep(300);
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < Calls; i++)
            {
                call();
            }

            best = Math.Min(best, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Console.WriteLine($"| {name} | {(double)best / Calls:0.##} |");
    }
}
