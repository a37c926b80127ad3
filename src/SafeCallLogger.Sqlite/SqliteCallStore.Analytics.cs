using Microsoft.Data.Sqlite;
using SafeCallLogger.Analytics;
using SafeCallLogger.Sqlite.Internal;

namespace SafeCallLogger.Sqlite;

/// <content>
/// The operator's questions (<see cref="ICallAnalytics"/>), read in one read transaction on short-lived connections,
/// so the sink keeps writing. Never creates or changes the schema: a new or empty file gives empty rows (or the fixed
/// rows of a natural order, all zero). Every question, alone or with others, is answered by the one-pass reads of
/// <see cref="CallScan"/>, so a figure is the same whichever way it is asked; a file whose text is not UTF-8 (which
/// that merge relies on) is answered by the statements docs/ANALYTICS.md gives, one per question.
/// </content>
public sealed partial class SqliteCallStore : ICallAnalytics
{
    /// <inheritdoc/>
    public Task<IReadOnlyList<ConversionRow>> GetConversionAsync(CallDimension by, AnalyticsFilter? filter = null, CancellationToken cancellationToken = default) =>
        Ask(new() { ConversionBy = [by] }, a => a.Conversion[by], filter, by, (connection, scope) => ConversionQuery.Read(connection, _names, scope, by, cancellationToken), cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<DailyActivityRow>> GetDailyActivityAsync(AnalyticsFilter? filter = null, CancellationToken cancellationToken = default) =>
        Ask(new() { DailyActivity = true }, a => a.DailyActivity!, filter, null, (connection, scope) => DailyActivityQuery.Read(connection, _names, scope, cancellationToken), cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<ResultsRow>> GetResultsAsync(CallDimension by, AnalyticsFilter? filter = null, CancellationToken cancellationToken = default) =>
        Ask(new() { ResultsBy = [by] }, a => a.Results[by], filter, by, (connection, scope) => ResultsQuery.Read(connection, _names, scope, by, cancellationToken), cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<ClvRow>> GetClvAsync(CallDimension by, AnalyticsFilter? filter = null, CancellationToken cancellationToken = default) =>
        Ask(new() { ClvBy = [by] }, a => a.Clv[by], filter, by, (connection, scope) => ClvQuery.Read(connection, _names, scope, by, cancellationToken), cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<LineMovementRow>> GetLineMovementAsync(AnalyticsFilter? filter = null, CancellationToken cancellationToken = default) =>
        Ask(new() { LineMovement = true }, a => a.LineMovement!, filter, null, (connection, scope) => LineMovementQuery.Read(connection, _names, scope, cancellationToken), cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<TimingRow>> GetTimingAsync(CallDimension? by = null, AnalyticsFilter? filter = null, CancellationToken cancellationToken = default) =>
        Ask(
            by is { } d ? new() { TimingBy = [d] } : new() { TimingOverall = true },
            a => by is { } d ? a.Timing[d] : a.TimingOverall!,
            filter,
            by,
            (connection, scope) => TimingQuery.Read(connection, _names, scope, by, cancellationToken),
            cancellationToken);

    /// <inheritdoc/>
    /// <remarks>A <paramref name="minimumNotified"/> below 1 counts as 1: a row rests on at least one notified call.</remarks>
    public Task<IReadOnlyList<UserPreferenceRow>> GetUserPreferencesAsync(CallDimension by, int minimumNotified = 1, AnalyticsFilter? filter = null, CancellationToken cancellationToken = default) =>
        Ask(
            new() { UserPreferencesBy = [by], MinimumNotified = minimumNotified },
            a => a.UserPreferences[by],
            filter,
            by,
            (connection, scope) => UserPreferencesQuery.Read(connection, _names, scope, by, minimumNotified, cancellationToken),
            cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<RetentionRow>> GetRetentionAsync(AnalyticsFilter? filter = null, CancellationToken cancellationToken = default) =>
        Ask(new() { Retention = true }, a => a.Retention!, filter, null, (connection, scope) => RetentionQuery.Read(connection, _names, scope, cancellationToken), cancellationToken);

    /// <inheritdoc/>
    /// <remarks>
    /// Every question is answered from at most two reads of the calls table (side by side on two connections sharing
    /// one snapshot) and one of each per-user table, whatever the number of questions: a report's 21 cost about what
    /// two single queries cost.
    /// </remarks>
    public async Task<AnalyticsAnswers> AnswerAsync(AnalyticsQuestions questions, AnalyticsFilter? filter = null, CancellationToken cancellationToken = default)
    {
        AnalyticsOneByOne.Check(questions, filter);
        var scope = AnalyticsScope.Create(filter);
        var answers = await Task.Run(() => CallScan.Answer(Open, _names, scope, questions, cancellationToken), cancellationToken).ConfigureAwait(false);
        return answers ?? await AnalyticsOneByOne.AnswerAsync(this, questions, filter, cancellationToken).ConfigureAwait(false);
    }

    // One question through the one-pass reads, or through its statement when the file is not UTF-8. The filter is
    // checked on the caller's thread, so bad band edges throw before any work is queued.
    private Task<IReadOnlyList<TRow>> Ask<TRow>(AnalyticsQuestions question, Func<AnalyticsAnswers, IReadOnlyList<TRow>> pick, AnalyticsFilter? filter, CallDimension? by, Func<SqliteConnection, AnalyticsScope, IReadOnlyList<TRow>> statement, CancellationToken cancellationToken)
    {
        var scope = AnalyticsScope.Create(filter, by);
        return Task.Run(
            () =>
            {
                if (CallScan.Answer(Open, _names, scope, question, cancellationToken) is { } answers)
                {
                    return pick(answers);
                }

                using var connection = Open();
                return statement(connection, scope);
            },
            cancellationToken);
    }
}
