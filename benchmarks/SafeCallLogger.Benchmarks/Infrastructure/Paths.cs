namespace SafeCallLogger.Benchmarks.Infrastructure;

/// <summary>Where databases live: under BenchmarkDotNet's artifacts directory, so they are never committed.</summary>
public static class Paths
{
    public static string Artifacts { get; } = Directory.CreateDirectory(Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts")).FullName;

    public static string Scratch { get; } = Directory.CreateDirectory(Path.Combine(Artifacts, "db")).FullName;
}
