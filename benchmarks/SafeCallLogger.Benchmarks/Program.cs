using BenchmarkDotNet.Running;
using SafeCallLogger.Benchmarks;

if (args.Length > 0 && args[0] == "--alloc-probe")
{
    AllocationProbe.Run();
    return;
}

if (args.Length > 0 && args[0] == "--pg-fleet")
{
    await PostgreSqlFleetRun.RunAsync(args);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(EnqueueBenchmarks).Assembly).Run(args);
