namespace SafeCallLogger.Tests;

/// <summary>Meter names are process-wide: metric tests run alone so other tests' loggers do not add to what they observe.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Metrics";
}
