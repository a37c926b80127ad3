namespace SafeCallLogger.Reporting.Tests.Support;

/// <summary>
/// A store and its analytics with canned rows: what a unit test needs to know exactly which figures the page must
/// show. Every list is empty by default (the zero rows of the ordered dimensions are filled in as a store does).
/// </summary>
internal sealed class FakeAnalytics : ICallStore, ICallAnalytics
{
    public Dictionary<CallDimension, IReadOnlyList<ConversionRow>> Conversion { get; } = [];

    public IReadOnlyList<DailyActivityRow> Daily { get; set; } = [];

    public Dictionary<CallDimension, IReadOnlyList<ResultsRow>> Results { get; } = [];

    public Dictionary<CallDimension, IReadOnlyList<ClvRow>> Clv { get; } = [];

    public IReadOnlyList<LineMovementRow> LineMovement { get; set; } = [];

    public IReadOnlyList<TimingRow> TimingOverall { get; set; } = [new TimingRow(null, new DurationSummary(0, null, null, null), new DurationSummary(0, null, null, null))];

    public IReadOnlyList<TimingRow> TimingByCallType { get; set; } = [];

    public Dictionary<CallDimension, IReadOnlyList<UserPreferenceRow>> Preferences { get; } = [];

    public IReadOnlyList<RetentionRow> Retention { get; set; } = Enumerable.Range(1, 7).Select(day => new RetentionRow(day, 0, 0, 0)).ToList();

    public CallStoreTotals Totals { get; set; } = new() { ReadAt = DateTimeOffset.UnixEpoch };

    public List<AnalyticsFilter?> Filters { get; } = [];

    public Task<IReadOnlyList<ConversionRow>> GetConversionAsync(CallDimension by, AnalyticsFilter? filter = null, CancellationToken cancellationToken = default) =>
        Answer(filter, Conversion.TryGetValue(by, out var rows) ? rows : ZeroConversion(by));

    public Task<IReadOnlyList<DailyActivityRow>> GetDailyActivityAsync(AnalyticsFilter? filter = null, CancellationToken cancellationToken = default) => Answer(filter, Daily);

    public Task<IReadOnlyList<ResultsRow>> GetResultsAsync(CallDimension by, AnalyticsFilter? filter = null, CancellationToken cancellationToken = default) =>
        Answer(filter, Results.TryGetValue(by, out var rows) ? rows : []);

    public Task<IReadOnlyList<ClvRow>> GetClvAsync(CallDimension by, AnalyticsFilter? filter = null, CancellationToken cancellationToken = default) =>
        Answer(filter, Clv.TryGetValue(by, out var rows) ? rows : []);

    public Task<IReadOnlyList<LineMovementRow>> GetLineMovementAsync(AnalyticsFilter? filter = null, CancellationToken cancellationToken = default) => Answer(filter, LineMovement);

    public Task<IReadOnlyList<TimingRow>> GetTimingAsync(CallDimension? by = null, AnalyticsFilter? filter = null, CancellationToken cancellationToken = default) =>
        Answer(filter, by is null ? TimingOverall : TimingByCallType);

    public Task<IReadOnlyList<UserPreferenceRow>> GetUserPreferencesAsync(CallDimension by, int minimumNotified = 1, AnalyticsFilter? filter = null, CancellationToken cancellationToken = default) =>
        Answer(filter, Preferences.TryGetValue(by, out var rows) ? rows : []);

    public Task<IReadOnlyList<RetentionRow>> GetRetentionAsync(AnalyticsFilter? filter = null, CancellationToken cancellationToken = default) => Answer(filter, Retention);

    public Task<CallStoreTotals> GetTotalsAsync(CancellationToken cancellationToken = default) => Task.FromResult(Totals);

    public Task<SelfTestResult> SelfTestAsync(ICallLogger logger, TimeSpan timeout, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<int> RunRetentionAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<long> ExportAsync(Stream destination, CallExport? export = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    private Task<IReadOnlyList<T>> Answer<T>(AnalyticsFilter? filter, IReadOnlyList<T> rows)
    {
        lock (Filters)
        {
            Filters.Add(filter);
        }

        return Task.FromResult(rows);
    }

    private static IReadOnlyList<ConversionRow> ZeroConversion(CallDimension by) => by switch
    {
        CallDimension.HourOfDay => Enumerable.Range(0, 24).Select(h => new ConversionRow(h.ToString("00", System.Globalization.CultureInfo.InvariantCulture), 0, 0, 0, 0)).ToList(),
        CallDimension.Weekday => Enum.GetNames<DayOfWeek>().Skip(1).Append(nameof(DayOfWeek.Sunday)).Select(d => new ConversionRow(d, 0, 0, 0, 0)).ToList(),
        CallDimension.RoiBand => new[] { "<0%", "0-1%", "1-2%", "2-3%", "3-5%", "5-10%", "10%+" }.Select(b => new ConversionRow(b, 0, 0, 0, 0)).ToList(),
        _ => [],
    };
}
