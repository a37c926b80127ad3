using SafeCallLogger;

namespace SampleBot.Storage;

/// <summary>
/// The sample's seam over the storage package: which sink the logger writes to, and the two admin reports that read
/// the store back (<c>/ml_stats</c>, <c>/ml_test</c>).
/// </summary>
internal interface ICallStorage
{
    string Description { get; }

    void ConfigureSink(CallLoggerOptions options);

    /// <summary>This storage with what the container holds for it (the SQLite store <c>UseSqlite</c> registered).</summary>
    ICallStorage WithServices(IServiceProvider services);

    Task<string> GetStatsReportAsync(CallLoggerHealth health, CancellationToken cancellationToken);

    Task<SelfTestOutcome> SelfTestAsync(ICallLogger logger, TimeSpan timeout, CancellationToken cancellationToken);
}

internal sealed record SelfTestOutcome(bool Success, string Message, TimeSpan Elapsed);
