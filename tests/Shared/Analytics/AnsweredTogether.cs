namespace SafeCallLogger.Tests.Analytics;

/// <summary>
/// A store's <see cref="ICallAnalytics.AnswerAsync"/> seen through the single methods: each question is asked as a
/// batch of one, and the answer must hold that question's key and nothing else. Deriving the shared suite with it runs
/// every hand-computed answer through the store's batch path (the SQLite store's one pass, the default elsewhere).
/// </summary>
public sealed class AnsweredTogether(ICallAnalytics store) : ICallAnalytics
{
    public async Task<IReadOnlyList<ConversionRow>> GetConversionAsync(CallDimension by, AnalyticsFilter? filter = null, CancellationToken cancellationToken = default) =>
        Only(await AskAsync(new AnalyticsQuestions { ConversionBy = [by] }, filter, cancellationToken), a => a.Conversion, by);

    public async Task<IReadOnlyList<DailyActivityRow>> GetDailyActivityAsync(AnalyticsFilter? filter = null, CancellationToken cancellationToken = default) =>
        (await AskAsync(new AnalyticsQuestions { DailyActivity = true }, filter, cancellationToken)).DailyActivity!;

    public async Task<IReadOnlyList<ResultsRow>> GetResultsAsync(CallDimension by, AnalyticsFilter? filter = null, CancellationToken cancellationToken = default) =>
        Only(await AskAsync(new AnalyticsQuestions { ResultsBy = [by] }, filter, cancellationToken), a => a.Results, by);

    public async Task<IReadOnlyList<ClvRow>> GetClvAsync(CallDimension by, AnalyticsFilter? filter = null, CancellationToken cancellationToken = default) =>
        Only(await AskAsync(new AnalyticsQuestions { ClvBy = [by] }, filter, cancellationToken), a => a.Clv, by);

    public async Task<IReadOnlyList<LineMovementRow>> GetLineMovementAsync(AnalyticsFilter? filter = null, CancellationToken cancellationToken = default) =>
        (await AskAsync(new AnalyticsQuestions { LineMovement = true }, filter, cancellationToken)).LineMovement!;

    public async Task<IReadOnlyList<TimingRow>> GetTimingAsync(CallDimension? by = null, AnalyticsFilter? filter = null, CancellationToken cancellationToken = default)
    {
        if (by is { } dimension)
        {
            return Only(await AskAsync(new AnalyticsQuestions { TimingBy = [dimension] }, filter, cancellationToken), a => a.Timing, dimension);
        }

        return (await AskAsync(new AnalyticsQuestions { TimingOverall = true }, filter, cancellationToken)).TimingOverall!;
    }

    public async Task<IReadOnlyList<UserPreferenceRow>> GetUserPreferencesAsync(CallDimension by, int minimumNotified = 1, AnalyticsFilter? filter = null, CancellationToken cancellationToken = default) =>
        Only(await AskAsync(new AnalyticsQuestions { UserPreferencesBy = [by], MinimumNotified = minimumNotified }, filter, cancellationToken), a => a.UserPreferences, by);

    public async Task<IReadOnlyList<RetentionRow>> GetRetentionAsync(AnalyticsFilter? filter = null, CancellationToken cancellationToken = default) =>
        (await AskAsync(new AnalyticsQuestions { Retention = true }, filter, cancellationToken)).Retention!;

    public Task<AnalyticsAnswers> AnswerAsync(AnalyticsQuestions questions, AnalyticsFilter? filter = null, CancellationToken cancellationToken = default) =>
        store.AnswerAsync(questions, filter, cancellationToken);

    private static IReadOnlyList<TRow> Only<TRow>(AnalyticsAnswers answers, Func<AnalyticsAnswers, IReadOnlyDictionary<CallDimension, IReadOnlyList<TRow>>> pick, CallDimension by)
    {
        var asked = pick(answers);
        Assert.Equal([by], asked.Keys);
        return asked[by];
    }

    // Only the one question asked is answered.
    private async Task<AnalyticsAnswers> AskAsync(AnalyticsQuestions questions, AnalyticsFilter? filter, CancellationToken cancellationToken)
    {
        var answers = await store.AnswerAsync(questions, filter, cancellationToken);
        var answered = answers.Conversion.Count + answers.Results.Count + answers.Clv.Count + answers.Timing.Count + answers.UserPreferences.Count
            + new object?[] { answers.DailyActivity, answers.LineMovement, answers.TimingOverall, answers.Retention }.Count(static a => a is not null);
        Assert.Equal(1, answered);
        return answers;
    }
}
