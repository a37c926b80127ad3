namespace SafeCallLogger;

/// <summary>
/// The answers to <see cref="AnalyticsQuestions"/> (<see cref="ICallAnalytics.AnswerAsync"/>): each the rows the single
/// method gives for the same question and filter. A breakdown is keyed by its dimension; a question that was not asked
/// has no key, or <see langword="null"/>.
/// </summary>
public sealed class AnalyticsAnswers
{
    /// <summary>Conversion by each dimension of <see cref="AnalyticsQuestions.ConversionBy"/>.</summary>
    public IReadOnlyDictionary<CallDimension, IReadOnlyList<ConversionRow>> Conversion { get; init; } = new Dictionary<CallDimension, IReadOnlyList<ConversionRow>>();

    /// <summary>The daily activity, or <see langword="null"/> when not asked.</summary>
    public IReadOnlyList<DailyActivityRow>? DailyActivity { get; init; }

    /// <summary>Results by each dimension of <see cref="AnalyticsQuestions.ResultsBy"/>.</summary>
    public IReadOnlyDictionary<CallDimension, IReadOnlyList<ResultsRow>> Results { get; init; } = new Dictionary<CallDimension, IReadOnlyList<ResultsRow>>();

    /// <summary>Closing line value by each dimension of <see cref="AnalyticsQuestions.ClvBy"/>.</summary>
    public IReadOnlyDictionary<CallDimension, IReadOnlyList<ClvRow>> Clv { get; init; } = new Dictionary<CallDimension, IReadOnlyList<ClvRow>>();

    /// <summary>Line movement speed by bookmaker, or <see langword="null"/> when not asked.</summary>
    public IReadOnlyList<LineMovementRow>? LineMovement { get; init; }

    /// <summary>Timing over all calls (one row), or <see langword="null"/> when not asked.</summary>
    public IReadOnlyList<TimingRow>? TimingOverall { get; init; }

    /// <summary>Timing by each dimension of <see cref="AnalyticsQuestions.TimingBy"/>.</summary>
    public IReadOnlyDictionary<CallDimension, IReadOnlyList<TimingRow>> Timing { get; init; } = new Dictionary<CallDimension, IReadOnlyList<TimingRow>>();

    /// <summary>Each user's preferences by each dimension of <see cref="AnalyticsQuestions.UserPreferencesBy"/>.</summary>
    public IReadOnlyDictionary<CallDimension, IReadOnlyList<UserPreferenceRow>> UserPreferences { get; init; } = new Dictionary<CallDimension, IReadOnlyList<UserPreferenceRow>>();

    /// <summary>User retention D1 to D7, or <see langword="null"/> when not asked.</summary>
    public IReadOnlyList<RetentionRow>? Retention { get; init; }
}
