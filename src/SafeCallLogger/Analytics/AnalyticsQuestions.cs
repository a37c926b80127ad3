namespace SafeCallLogger;

/// <summary>
/// Several of the operator's questions asked at once (<see cref="ICallAnalytics.AnswerAsync"/>): each list names the
/// dimensions a question is broken down by, each flag asks a question that has none. Nothing is asked by default.
/// </summary>
/// <remarks>
/// A page or a dashboard that shows many figures asks them in one call, so that a store can read its storage once
/// for all of them instead of once per figure. The SQLite store does, from one snapshot; the default implementation
/// asks each question through its own method, each reading its own snapshot.
/// </remarks>
public sealed class AnalyticsQuestions
{
    /// <summary>Conversion (<see cref="ICallAnalytics.GetConversionAsync"/>) by each of these dimensions.</summary>
    public IReadOnlyList<CallDimension> ConversionBy { get; init; } = [];

    /// <summary>Whether to answer <see cref="ICallAnalytics.GetDailyActivityAsync"/>.</summary>
    public bool DailyActivity { get; init; }

    /// <summary>Results (<see cref="ICallAnalytics.GetResultsAsync"/>) by each of these dimensions.</summary>
    public IReadOnlyList<CallDimension> ResultsBy { get; init; } = [];

    /// <summary>Closing line value (<see cref="ICallAnalytics.GetClvAsync"/>) by each of these dimensions.</summary>
    public IReadOnlyList<CallDimension> ClvBy { get; init; } = [];

    /// <summary>Whether to answer <see cref="ICallAnalytics.GetLineMovementAsync"/>.</summary>
    public bool LineMovement { get; init; }

    /// <summary>Whether to answer <see cref="ICallAnalytics.GetTimingAsync"/> over all calls (one row, no dimension).</summary>
    public bool TimingOverall { get; init; }

    /// <summary>Timing (<see cref="ICallAnalytics.GetTimingAsync"/>) by each of these dimensions.</summary>
    public IReadOnlyList<CallDimension> TimingBy { get; init; } = [];

    /// <summary>Each user's preferences (<see cref="ICallAnalytics.GetUserPreferencesAsync"/>) by each of these dimensions.</summary>
    public IReadOnlyList<CallDimension> UserPreferencesBy { get; init; } = [];

    /// <summary>The <c>minimumNotified</c> of every <see cref="UserPreferencesBy"/> answer; the default is 1.</summary>
    public int MinimumNotified { get; init; } = 1;

    /// <summary>Whether to answer <see cref="ICallAnalytics.GetRetentionAsync"/>.</summary>
    public bool Retention { get; init; }
}
