namespace SafeCallLogger;

/// <summary>
/// The operator's questions, answered from what a storage holds (docs/ANALYTICS.md gives each one's SQL): which calls
/// convert, by what; what they earned; whether they beat the closing line; how fast lines move; how long calls stay
/// good; what each user takes; whether users come back. A storage package's store implements it next to
/// <see cref="ICallStore"/> and the container registers it with the store (<c>UseSqlite</c>, <c>UsePostgreSql</c>).
/// </summary>
/// <remarks>
/// <para>
/// Every query takes an <see cref="AnalyticsFilter"/> (time range, time zone, ROI bands; <see langword="null"/> is
/// every call in UTC), reads one consistent snapshot while the sink keeps writing, never changes the storage, and
/// gives empty results (or zero counts) on an empty or new storage. Only decimal odds and CLV are aggregated, never
/// <c>odds_a</c>/<c>odds_b</c>, which may hold American odds. Test calls of <c>/ml_test</c> are left out.
/// </para>
/// <para>
/// Rows of a breakdown come in the dimension's natural order for <see cref="CallDimension.RoiBand"/> (every band),
/// <see cref="CallDimension.HourOfDay"/> (all 24 hours) and <see cref="CallDimension.Weekday"/> (all 7 days, Monday
/// first), empty groups included; otherwise most calls (or values) first, then by key. Implementations are thread-safe.
/// Each method throws when the storage cannot be read, on cancellation, and <see cref="ArgumentException"/> for a
/// dimension the query does not support or invalid ROI band edges.
/// </para>
/// </remarks>
public interface ICallAnalytics
{
    /// <summary>Conversion by <paramref name="by"/>: users who bet per user notified, and calls with a click per call.</summary>
    /// <param name="by">Any dimension.</param>
    /// <param name="filter">The calls and how to read their times; <see langword="null"/> is every call, UTC, default bands.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<ConversionRow>> GetConversionAsync(CallDimension by, AnalyticsFilter? filter = null, CancellationToken cancellationToken = default);

    /// <summary>Calls, clicks, users and profit per day in the filter's zone, oldest day first; days without calls are left out.</summary>
    /// <param name="filter">The calls and how to read their times.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<DailyActivityRow>> GetDailyActivityAsync(AnalyticsFilter? filter = null, CancellationToken cancellationToken = default);

    /// <summary>Profit, yield and ROI of the settled calls by <paramref name="by"/>.</summary>
    /// <param name="by">Any dimension; the operator's usual ones are bookmaker, sport and call type.</param>
    /// <param name="filter">The calls and how to read their times.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<ResultsRow>> GetResultsAsync(CallDimension by, AnalyticsFilter? filter = null, CancellationToken cancellationToken = default);

    /// <summary>Closing line value (mean, median, share positive) by <paramref name="by"/>, over each side's CLV.</summary>
    /// <param name="by">Any dimension; by <see cref="CallDimension.Bookmaker"/> each side's value counts under its own bookmaker.</param>
    /// <param name="filter">The calls and how to read their times.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<ClvRow>> GetClvAsync(CallDimension by, AnalyticsFilter? filter = null, CancellationToken cancellationToken = default);

    /// <summary>Line movement speed by bookmaker (either side), most recorded calls first.</summary>
    /// <param name="filter">The calls and how to read their times.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<LineMovementRow>> GetLineMovementAsync(AnalyticsFilter? filter = null, CancellationToken cancellationToken = default);

    /// <summary>Call lifetime and time to first click, for all calls (one row) or by <paramref name="by"/>.</summary>
    /// <param name="by">A dimension, or <see langword="null"/> for one row over all calls.</param>
    /// <param name="filter">The calls and how to read their times.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<TimingRow>> GetTimingAsync(CallDimension? by = null, AnalyticsFilter? filter = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Each user's click rate by <paramref name="by"/>, with the number of calls it rests on; by user, then most
    /// notified first. Users with fewer than <paramref name="minimumNotified"/> notified calls in a group are left out
    /// of that group.
    /// </summary>
    /// <param name="by">Any dimension; the operator's usual ones are sport, call type and ROI band.</param>
    /// <param name="minimumNotified">The fewest notified calls a row must rest on; the default is 1.</param>
    /// <param name="filter">The calls and how to read their times.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<UserPreferenceRow>> GetUserPreferencesAsync(CallDimension by, int minimumNotified = 1, AnalyticsFilter? filter = null, CancellationToken cancellationToken = default);

    /// <summary>User retention D1 to D7 after each user's first click: active (notified) and engaged (clicked); seven rows, day 1 first.</summary>
    /// <param name="filter">The calls and how to read their times.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<RetentionRow>> GetRetentionAsync(AnalyticsFilter? filter = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Several questions at once, each answered as its single method would answer it with the same filter. A store may
    /// read its storage once for all of them (the SQLite store reads the calls and the per-user rows once, in one
    /// snapshot); by default every question runs through its own method, all at the same time.
    /// </summary>
    /// <param name="questions">What to answer.</param>
    /// <param name="filter">The calls and how to read their times, for every question.</param>
    /// <param name="cancellationToken">Cancels every question.</param>
    /// <returns>The answers, keyed like <paramref name="questions"/>.</returns>
    Task<AnalyticsAnswers> AnswerAsync(AnalyticsQuestions questions, AnalyticsFilter? filter = null, CancellationToken cancellationToken = default) =>
        Analytics.AnalyticsOneByOne.AnswerAsync(this, questions, filter, cancellationToken);
}
