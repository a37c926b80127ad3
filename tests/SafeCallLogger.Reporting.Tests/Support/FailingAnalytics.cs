namespace SafeCallLogger.Reporting.Tests.Support;

/// <summary>A storage whose retention query fails, as a locked or broken file would.</summary>
internal sealed class FailingAnalytics : ICallStore, ICallAnalytics
{
    private readonly FakeAnalytics _inner = new();

    public Task<IReadOnlyList<RetentionRow>> GetRetentionAsync(AnalyticsFilter? filter = null, CancellationToken cancellationToken = default) =>
        Task.FromException<IReadOnlyList<RetentionRow>>(new InvalidOperationException("database is locked"));

    public Task<IReadOnlyList<ConversionRow>> GetConversionAsync(CallDimension by, AnalyticsFilter? filter = null, CancellationToken cancellationToken = default) => _inner.GetConversionAsync(by, filter, cancellationToken);

    public Task<IReadOnlyList<DailyActivityRow>> GetDailyActivityAsync(AnalyticsFilter? filter = null, CancellationToken cancellationToken = default) => _inner.GetDailyActivityAsync(filter, cancellationToken);

    public Task<IReadOnlyList<ResultsRow>> GetResultsAsync(CallDimension by, AnalyticsFilter? filter = null, CancellationToken cancellationToken = default) => _inner.GetResultsAsync(by, filter, cancellationToken);

    public Task<IReadOnlyList<ClvRow>> GetClvAsync(CallDimension by, AnalyticsFilter? filter = null, CancellationToken cancellationToken = default) => _inner.GetClvAsync(by, filter, cancellationToken);

    public Task<IReadOnlyList<LineMovementRow>> GetLineMovementAsync(AnalyticsFilter? filter = null, CancellationToken cancellationToken = default) => _inner.GetLineMovementAsync(filter, cancellationToken);

    public Task<IReadOnlyList<TimingRow>> GetTimingAsync(CallDimension? by = null, AnalyticsFilter? filter = null, CancellationToken cancellationToken = default) => _inner.GetTimingAsync(by, filter, cancellationToken);

    public Task<IReadOnlyList<UserPreferenceRow>> GetUserPreferencesAsync(CallDimension by, int minimumNotified = 1, AnalyticsFilter? filter = null, CancellationToken cancellationToken = default) => _inner.GetUserPreferencesAsync(by, minimumNotified, filter, cancellationToken);

    public Task<CallStoreTotals> GetTotalsAsync(CancellationToken cancellationToken = default) => _inner.GetTotalsAsync(cancellationToken);

    public Task<SelfTestResult> SelfTestAsync(ICallLogger logger, TimeSpan timeout, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<int> RunRetentionAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<long> ExportAsync(Stream destination, CallExport? export = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
