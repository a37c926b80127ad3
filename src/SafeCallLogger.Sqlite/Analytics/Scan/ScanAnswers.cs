using SafeCallLogger.Analytics;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// The running answers of one <see cref="CallScan"/>: a fold per asked question, fed each of the filter's calls with
/// its per-user rows, and the rows of calls that do not exist (which retention counts when no time range is set, as
/// its query does; every other question reads per-user rows only through their call).
/// </summary>
internal sealed class ScanAnswers
{
    private readonly Dictionary<CallDimension, ConversionQuery.Fold> _conversion;
    private readonly DailyActivityQuery.Fold? _daily;
    private readonly Dictionary<CallDimension, ResultsQuery.Fold> _results;
    private readonly Dictionary<CallDimension, ClvQuery.Fold> _clv;
    private readonly LineMovementQuery.Fold? _lines;
    private readonly TimingQuery.Fold? _timingOverall;
    private readonly Dictionary<CallDimension, TimingQuery.Fold> _timing;
    private readonly Dictionary<CallDimension, UserPreferencesQuery.Fold> _preferences;
    private readonly RetentionQuery.Fold? _retention;
    private readonly ICallFold[] _callFolds;
    private readonly bool _countsUnmatched;

    public ScanAnswers(AnalyticsScope scope, AnalyticsQuestions questions)
    {
        _conversion = Each(questions.ConversionBy, by => new ConversionQuery.Fold(scope, by));
        _daily = questions.DailyActivity ? new DailyActivityQuery.Fold(scope) : null;
        _results = Each(questions.ResultsBy, by => new ResultsQuery.Fold(scope, by));
        _clv = Each(questions.ClvBy, by => new ClvQuery.Fold(scope, by));
        _lines = questions.LineMovement ? new LineMovementQuery.Fold() : null;
        _timingOverall = questions.TimingOverall ? new TimingQuery.Fold(scope, null) : null;
        _timing = Each(questions.TimingBy, by => new TimingQuery.Fold(scope, by));
        _preferences = Each(questions.UserPreferencesBy, by => new UserPreferencesQuery.Fold(by, questions.MinimumNotified));
        _retention = questions.Retention ? new RetentionQuery.Fold(scope) : null;
        _callFolds =
        [
            .. _conversion.Values, .. _results.Values, .. _clv.Values, .. _timing.Values,
            .. new ICallFold?[] { _daily, _lines, _timingOverall }.OfType<ICallFold>(),
        ];
        _countsUnmatched = scope.Filter.Since is null && scope.Filter.Until is null;
        Dimensions = AnalyticsOneByOne.Dimensions(questions).ToArray();
        UnmatchedNotified = row => CountUnmatched(row, clicked: false);
        UnmatchedClick = row => CountUnmatched(row, clicked: true);
    }

    public bool AnythingAsked => _callFolds.Length > 0 || _preferences.Count > 0 || _retention is not null;

    /// <summary>Whether a question reads who was notified (preferences, retention).</summary>
    public bool NeedsNotified => _preferences.Count > 0 || _retention is not null;

    /// <summary>Whether a question reads the per-user clicks (preferences, retention, time to first click).</summary>
    public bool NeedsClicks => NeedsNotified || _timingOverall is not null || _timing.Count > 0;

    /// <summary>Whether a question reads when users were notified (retention).</summary>
    public bool NeedsNotifiedTimes => _retention is not null;

    /// <summary>Whether a question reads when users clicked (retention, time to first click).</summary>
    public bool NeedsClickTimes => _retention is not null || _timingOverall is not null || _timing.Count > 0;

    public IReadOnlyList<CallDimension> Dimensions { get; }

    public Action<PerUserRow> UnmatchedNotified { get; }

    public Action<PerUserRow> UnmatchedClick { get; }

    /// <summary>Counts one of the filter's calls with its notified and click rows (each in user order).</summary>
    public void Add(CallFacts call, List<PerUserRow> notified, List<PerUserRow> clicks)
    {
        if (call.SentJulianDay is { } sent)
        {
            double? first = null;
            foreach (var click in clicks)
            {
                first = click.JulianDay is { } day && (first is null || day < first) ? day : first;
            }

            call.FirstClickMs = first is { } firstDay ? CallFactsSql.Milliseconds(firstDay, sent) : null;
        }

        foreach (var fold in _callFolds)
        {
            fold.Add(call);
        }

        if (_preferences.Count > 0)
        {
            var c = 0;
            foreach (var row in notified)
            {
                while (c < clicks.Count && clicks[c].UserId < row.UserId)
                {
                    c++;
                }

                var clicked = c < clicks.Count && clicks[c].UserId == row.UserId;
                foreach (var fold in _preferences.Values)
                {
                    fold.Add(call, row.UserId, clicked);
                }
            }
        }

        if (_retention is not null)
        {
            foreach (var row in notified)
            {
                CountForRetention(row, clicked: false);
            }

            foreach (var row in clicks)
            {
                CountForRetention(row, clicked: true);
            }
        }
    }

    public AnalyticsAnswers Answers() => new()
    {
        Conversion = _conversion.ToDictionary(static p => p.Key, static p => p.Value.Rows()),
        DailyActivity = _daily?.Rows(),
        Results = _results.ToDictionary(static p => p.Key, static p => p.Value.Rows()),
        Clv = _clv.ToDictionary(static p => p.Key, static p => p.Value.Rows()),
        LineMovement = _lines?.Rows(),
        TimingOverall = _timingOverall?.Rows(),
        Timing = _timing.ToDictionary(static p => p.Key, static p => p.Value.Rows()),
        UserPreferences = _preferences.ToDictionary(static p => p.Key, static p => p.Value.Rows()),
        Retention = _retention?.Rows(),
    };

    private static Dictionary<CallDimension, TFold> Each<TFold>(IReadOnlyList<CallDimension>? dimensions, Func<CallDimension, TFold> fold) =>
        (dimensions ?? []).Distinct().ToDictionary(by => by, fold);

    private void CountForRetention(PerUserRow row, bool clicked)
    {
        if (_retention is not null && row.QuarterHour is { } quarterHour)
        {
            _retention.Add(row.UserId, quarterHour, clicked);
        }
    }

    private void CountUnmatched(PerUserRow row, bool clicked)
    {
        if (_countsUnmatched)
        {
            CountForRetention(row, clicked);
        }
    }
}
