namespace SafeCallLogger.Reporting.Sections;

/// <summary>
/// Every figure the page shows, read before a byte is written so that a failing query leaves the destination
/// untouched. The questions are asked together (<see cref="ICallAnalytics.AnswerAsync"/>): the SQLite store answers
/// them from one read of the calls and per-user rows, another store at least runs them side by side.
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

    /// <summary>Every question of the page, asked together so that the store can answer them from one read.</summary>
    public static AnalyticsQuestions Questions { get; } = new()
    {
        ConversionBy = ConversionDimensions,
        DailyActivity = true,
        ResultsBy = ResultDimensions,
        ClvBy = ClvDimensions,
        LineMovement = true,
        TimingOverall = true,
        TimingBy = [CallDimension.CallType],
        UserPreferencesBy = PreferenceDimensions,
        MinimumNotified = 1,
        Retention = true,
    };

    public static async Task<ReportData> LoadAsync(ICallStore store, ICallAnalytics analytics, AnalyticsFilter filter, CancellationToken cancellationToken)
    {
        var totals = Task.Run(() => store.GetTotalsAsync(cancellationToken), cancellationToken);
        var answering = analytics.AnswerAsync(Questions, filter, cancellationToken);
        await Task.WhenAll(totals, answering).ConfigureAwait(false);
        var answers = await answering.ConfigureAwait(false);
        return new ReportData
        {
            StoreTotals = await totals.ConfigureAwait(false),
            Conversion = answers.Conversion,
            Daily = answers.DailyActivity!,
            Results = answers.Results,
            Clv = answers.Clv,
            LineMovement = answers.LineMovement!,
            TimingOverall = answers.TimingOverall!,
            TimingByCallType = answers.Timing[CallDimension.CallType],
            Preferences = answers.UserPreferences,
            Retention = answers.Retention!,
        };
    }
}
