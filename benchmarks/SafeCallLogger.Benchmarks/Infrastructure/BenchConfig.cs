using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace SafeCallLogger.Benchmarks.Infrastructure;

/// <summary>
/// The short job every class uses: 1 launch, 3 warm-ups, 10 measured iterations, run in process. In process because
/// the generated out-of-process project would inherit the repository's strict build and central package management,
/// and because building it per run costs a minute on this 2-core machine; the ratios against a baseline measured in
/// the same process are what we report.
/// </summary>
public sealed class ShortInProcessConfig : ManualConfig
{
    public ShortInProcessConfig()
    {
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(10)
            .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(250))
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId("ShortInProc"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddExporter(MarkdownExporter.GitHub);
        AddColumn(StatisticColumn.Median);
        SummaryStyle = SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend);
        Options |= ConfigOptions.DisableOptimizationsValidator;
    }
}

/// <summary>
/// For operations that take seconds (the HTML report on 1,000,000 calls): one launch, no warm-up, two single
/// invocations measured as they come (<see cref="BenchmarkDotNet.Engines.RunStrategy.Monitoring"/>), in process with
/// a 30-minute limit instead of the toolchain's default, which a multi-second case on a busy machine exceeds.
/// </summary>
public sealed class SingleShotInProcessConfig : ManualConfig
{
    public SingleShotInProcessConfig()
    {
        AddJob(Job.Default
            .WithStrategy(BenchmarkDotNet.Engines.RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(0)
            .WithIterationCount(2)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true))
            .WithId("SingleShotInProc"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddExporter(MarkdownExporter.GitHub);
        AddColumn(StatisticColumn.Median);
        SummaryStyle = SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend);
        Options |= ConfigOptions.DisableOptimizationsValidator;
    }
}
