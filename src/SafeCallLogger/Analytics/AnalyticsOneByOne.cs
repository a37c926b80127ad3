namespace SafeCallLogger.Analytics;

/// <summary>
/// The default of <see cref="ICallAnalytics.AnswerAsync"/>: every question asked through its own method, all started
/// together (a store's methods are thread-safe), so a store that has no faster way still answers a batch in about the
/// time of its slowest question. Each answer reads its own snapshot.
/// </summary>
internal static class AnalyticsOneByOne
{
    public static async Task<AnalyticsAnswers> AnswerAsync(ICallAnalytics analytics, AnalyticsQuestions questions, AnalyticsFilter? filter, CancellationToken cancellationToken)
    {
        Check(questions, filter);
        var conversion = Each(questions.ConversionBy, by => analytics.GetConversionAsync(by, filter, cancellationToken));
        var daily = questions.DailyActivity ? Run(() => analytics.GetDailyActivityAsync(filter, cancellationToken)) : null;
        var results = Each(questions.ResultsBy, by => analytics.GetResultsAsync(by, filter, cancellationToken));
        var clv = Each(questions.ClvBy, by => analytics.GetClvAsync(by, filter, cancellationToken));
        var lines = questions.LineMovement ? Run(() => analytics.GetLineMovementAsync(filter, cancellationToken)) : null;
        var timingOverall = questions.TimingOverall ? Run(() => analytics.GetTimingAsync(null, filter, cancellationToken)) : null;
        var timing = Each(questions.TimingBy, by => analytics.GetTimingAsync(by, filter, cancellationToken));
        var preferences = Each(questions.UserPreferencesBy, by => analytics.GetUserPreferencesAsync(by, questions.MinimumNotified, filter, cancellationToken));
        var retention = questions.Retention ? Run(() => analytics.GetRetentionAsync(filter, cancellationToken)) : null;

        var all = new List<Task>();
        all.AddRange(conversion.Values);
        all.AddRange(results.Values);
        all.AddRange(clv.Values);
        all.AddRange(timing.Values);
        all.AddRange(preferences.Values);
        all.AddRange(new Task?[] { daily, lines, timingOverall, retention }.OfType<Task>());
        await Task.WhenAll(all).ConfigureAwait(false);

        return new AnalyticsAnswers
        {
            Conversion = Results(conversion),
            DailyActivity = daily?.Result,
            Results = Results(results),
            Clv = Results(clv),
            LineMovement = lines?.Result,
            TimingOverall = timingOverall?.Result,
            Timing = Results(timing),
            UserPreferences = Results(preferences),
            Retention = retention?.Result,
        };
    }

    /// <summary>
    /// Checks <paramref name="questions"/> and <paramref name="filter"/> as every single method would, before any work
    /// starts: <see cref="ArgumentNullException"/> for no questions, <see cref="ArgumentException"/> for an unknown
    /// dimension or bad ROI bands.
    /// </summary>
    public static void Check(AnalyticsQuestions questions, AnalyticsFilter? filter)
    {
        ArgumentNullException.ThrowIfNull(questions);
        filter ??= new AnalyticsFilter();
        AnalyticsRules.CheckedEdges(filter, null);
        foreach (var by in Dimensions(questions))
        {
            AnalyticsRules.CheckedEdges(filter, by);
        }
    }

    /// <summary>Every dimension <paramref name="questions"/> names, once each.</summary>
    public static IEnumerable<CallDimension> Dimensions(AnalyticsQuestions questions) =>
        new[] { questions.ConversionBy, questions.ResultsBy, questions.ClvBy, questions.TimingBy, questions.UserPreferencesBy }
            .SelectMany(static list => list ?? []).Distinct();

    // A store's "async" methods may do all their work before returning (Microsoft.Data.Sqlite's do): started on the
    // thread pool, the questions really run side by side.
    private static Task<T> Run<T>(Func<Task<T>> query) => Task.Run(query);

    private static Dictionary<CallDimension, Task<IReadOnlyList<T>>> Each<T>(IReadOnlyList<CallDimension>? dimensions, Func<CallDimension, Task<IReadOnlyList<T>>> query) =>
        (dimensions ?? []).Distinct().ToDictionary(by => by, by => Run(() => query(by)));

    private static Dictionary<CallDimension, IReadOnlyList<T>> Results<T>(Dictionary<CallDimension, Task<IReadOnlyList<T>>> tasks) =>
        tasks.ToDictionary(static p => p.Key, static p => p.Value.Result);
}
