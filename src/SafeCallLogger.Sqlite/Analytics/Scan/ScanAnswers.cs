using SafeCallLogger.Analytics;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// The running answers of one <see cref="CallScan"/>: a fold per asked question, split into two reads of the calls
/// that can run side by side: <see cref="CallsPass"/> for the questions of one call each (conversion, daily activity,
/// results, CLV, line movement), <see cref="UsersPass"/> for those that also read the per-user rows (timing, user
/// preferences, retention).
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

    /// <remarks>The two reads may run on two threads, so the per-user one folds with a scope of its own.</remarks>
    public ScanAnswers(AnalyticsScope scope, AnalyticsQuestions questions)
    {
        var users = scope.Fork();
        _conversion = Each(questions.ConversionBy, by => new ConversionQuery.Fold(scope, by));
        _daily = questions.DailyActivity ? new DailyActivityQuery.Fold(scope) : null;
        _results = Each(questions.ResultsBy, by => new ResultsQuery.Fold(scope, by));
        _clv = Each(questions.ClvBy, by => new ClvQuery.Fold(scope, by));
        _lines = questions.LineMovement ? new LineMovementQuery.Fold() : null;
        _timingOverall = questions.TimingOverall ? new TimingQuery.Fold(users, null) : null;
        _timing = Each(questions.TimingBy, by => new TimingQuery.Fold(users, by));
        var userNumbers = new UserNumbers();
        _preferences = Each(questions.UserPreferencesBy, by => new UserPreferencesQuery.Fold(by, questions.MinimumNotified, userNumbers));
        _retention = questions.Retention ? new RetentionQuery.Fold(users) : null;

        var callColumns = (_conversion.Count > 0 || _daily is not null ? FactColumns.Counts : FactColumns.None)
            | (_results.Count > 0 || _daily is not null ? FactColumns.Results : FactColumns.None)
            | (_clv.Count > 0 ? FactColumns.Clv : FactColumns.None)
            | (_daily is not null ? FactColumns.SentAt : FactColumns.None)
            | (_lines is not null ? FactColumns.Speed | FactColumns.Bookmakers : FactColumns.None);
        CallsPass = new ScanPass(
            scope,
            [.. _conversion.Values, .. _results.Values, .. _clv.Values, _daily, _lines],
            [],
            null,
            firstClicks: false,
            new UserNumbers(),
            [.. _conversion.Keys, .. _results.Keys, .. _clv.Keys],
            callColumns);
        var timed = _timingOverall is not null || _timing.Count > 0;
        UsersPass = new ScanPass(
            users,
            [.. _timing.Values, _timingOverall],
            _preferences.Values,
            _retention,
            firstClicks: timed,
            userNumbers,
            [.. _timing.Keys, .. _preferences.Keys],
            timed ? FactColumns.Lifetime : FactColumns.None);
    }

    public ScanPass CallsPass { get; }

    public ScanPass UsersPass { get; }

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
}
