namespace SafeCallLogger.Reporting.Sections;

/// <summary>
/// Every figure the page shows, read before a byte is written so that a failing query leaves the destination
/// untouched. The queries are independent, so they run together: on a large store the report takes about as long as
/// its slowest queries rather than the sum of all of them.
/// </summary>
internal sealed class ReportData
{
    public static readonly CallDimension[] ConversionDimensions =
    [
        CallDimension.Sport, CallDimension.Bookmaker, CallDimension.BookmakerPair, CallDimension.RoiBand,
        CallDimension.HourOfDay, CallDimension.Weekday, CallDimension.CallType, CallDimension.Market,
    ];

    public static readonly CallDimension[] ResultDimensions = [CallDimension.Bookmaker, CallDimension.Sport, CallDimension.CallType];

    public static readonly CallDimension[] ClvDimensions = [CallDimension.Bookmaker, CallDimension.Sport];

    public static readonly CallDimension[] PreferenceDimensions = [CallDimension.Sport, CallDimension.CallType, CallDimension.RoiBand];

    public required CallStoreTotals StoreTotals { get; init; }

    public required IReadOnlyDictionary<CallDimension, IReadOnlyList<ConversionRow>> Conversion { get; init; }

    public required IReadOnlyList<DailyActivityRow> Daily { get; init; }

    public required IReadOnlyDictionary<CallDimension, IReadOnlyList<ResultsRow>> Results { get; init; }

    public required IReadOnlyDictionary<CallDimension, IReadOnlyList<ClvRow>> Clv { get; init; }

    public required IReadOnlyList<LineMovementRow> LineMovement { get; init; }

    public required IReadOnlyList<TimingRow> TimingOverall { get; init; }

    public required IReadOnlyList<TimingRow> TimingByCallType { get; init; }

    public required IReadOnlyDictionary<CallDimension, IReadOnlyList<UserPreferenceRow>> Preferences { get; init; }

    public required IReadOnlyList<RetentionRow> Retention { get; init; }

    public static async Task<ReportData> LoadAsync(ICallStore store, ICallAnalytics analytics, AnalyticsFilter filter, CancellationToken cancellationToken)
    {
        var totals = Run(() => store.GetTotalsAsync(cancellationToken));
        var conversion = ConversionDimensions.ToDictionary(d => d, d => Run(() => analytics.GetConversionAsync(d, filter, cancellationToken)));
        var daily = Run(() => analytics.GetDailyActivityAsync(filter, cancellationToken));
        var results = ResultDimensions.ToDictionary(d => d, d => Run(() => analytics.GetResultsAsync(d, filter, cancellationToken)));
        var clv = ClvDimensions.ToDictionary(d => d, d => Run(() => analytics.GetClvAsync(d, filter, cancellationToken)));
        var lineMovement = Run(() => analytics.GetLineMovementAsync(filter, cancellationToken));
        var timingOverall = Run(() => analytics.GetTimingAsync(null, filter, cancellationToken));
        var timingByType = Run(() => analytics.GetTimingAsync(CallDimension.CallType, filter, cancellationToken));
        var preferences = PreferenceDimensions.ToDictionary(d => d, d => Run(() => analytics.GetUserPreferencesAsync(d, 1, filter, cancellationToken)));
        var retention = Run(() => analytics.GetRetentionAsync(filter, cancellationToken));

        var all = new List<Task> { totals, daily, lineMovement, timingOverall, timingByType, retention };
        all.AddRange(conversion.Values);
        all.AddRange(results.Values);
        all.AddRange(clv.Values);
        all.AddRange(preferences.Values);
        await Task.WhenAll(all).ConfigureAwait(false);

        return new ReportData
        {
            StoreTotals = await totals.ConfigureAwait(false),
            Conversion = conversion.ToDictionary(p => p.Key, p => p.Value.Result),
            Daily = await daily.ConfigureAwait(false),
            Results = results.ToDictionary(p => p.Key, p => p.Value.Result),
            Clv = clv.ToDictionary(p => p.Key, p => p.Value.Result),
            LineMovement = await lineMovement.ConfigureAwait(false),
            TimingOverall = await timingOverall.ConfigureAwait(false),
            TimingByCallType = await timingByType.ConfigureAwait(false),
            Preferences = preferences.ToDictionary(p => p.Key, p => p.Value.Result),
            Retention = await retention.ConfigureAwait(false),
        };
    }

    // A store's "async" methods may do all their work before returning (Microsoft.Data.Sqlite's do): started on the
    // thread pool, the queries really run side by side.
    private static Task<T> Run<T>(Func<Task<T>> query) => Task.Run(query);
}
