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

// The report's 1,000,000-call database takes longer to build than the in-process toolchain lets a setup run on a busy
// machine (5 minutes): build it first, once, with this switch.
if (args.Length > 0 && args[0] == "--build-report-db")
{
    await ReportBenchmarks.EnsureDatabaseAsync();
    return;
}

if (args.Length > 0 && args[0] == "--report-probe")
{
    await SafeCallLogger.Benchmarks.ReportProbe.RunAsync(eachQuery: args.Contains("--each-query"), passes: args.Contains("--passes"));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(EnqueueBenchmarks).Assembly).Run(args);
