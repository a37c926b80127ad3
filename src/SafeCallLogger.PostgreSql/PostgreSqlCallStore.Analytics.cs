using SafeCallLogger.PostgreSql.Internal;

namespace SafeCallLogger.PostgreSql;

/// <content>
/// The operator's questions (<see cref="ICallAnalytics"/>), the same answers as the SQLite store's: each one SQL
/// statement in a <c>REPEATABLE READ</c> read-only transaction on a pooled connection, so the fleet keeps writing.
/// Never creates or changes the schema: a new or empty database gives empty rows (or the fixed rows of a natural
/// order, all zero). docs/ANALYTICS.md gives each statement.
/// </content>
public sealed partial class PostgreSqlCallStore : ICallAnalytics
{
    /// <inheritdoc/>
    public Task<IReadOnlyList<ConversionRow>> GetConversionAsync(CallDimension by, AnalyticsFilter? filter = null, CancellationToken cancellationToken = default) =>
        PgConversionQuery.ReadAsync(_dataSource, _names, PgAnalyticsScope.Create(filter, by), by, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<DailyActivityRow>> GetDailyActivityAsync(AnalyticsFilter? filter = null, CancellationToken cancellationToken = default) =>
        PgDailyActivityQuery.ReadAsync(_dataSource, _names, PgAnalyticsScope.Create(filter), cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<ResultsRow>> GetResultsAsync(CallDimension by, AnalyticsFilter? filter = null, CancellationToken cancellationToken = default) =>
        PgResultsQuery.ReadAsync(_dataSource, _names, PgAnalyticsScope.Create(filter, by), by, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<ClvRow>> GetClvAsync(CallDimension by, AnalyticsFilter? filter = null, CancellationToken cancellationToken = default) =>
        PgClvQuery.ReadAsync(_dataSource, _names, PgAnalyticsScope.Create(filter, by), by, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<LineMovementRow>> GetLineMovementAsync(AnalyticsFilter? filter = null, CancellationToken cancellationToken = default) =>
        PgLineMovementQuery.ReadAsync(_dataSource, _names, PgAnalyticsScope.Create(filter), cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<TimingRow>> GetTimingAsync(CallDimension? by = null, AnalyticsFilter? filter = null, CancellationToken cancellationToken = default) =>
        PgTimingQuery.ReadAsync(_dataSource, _names, PgAnalyticsScope.Create(filter, by), by, cancellationToken);

    /// <inheritdoc/>
    /// <remarks>A <paramref name="minimumNotified"/> below 1 counts as 1: a row rests on at least one notified call.</remarks>
    public Task<IReadOnlyList<UserPreferenceRow>> GetUserPreferencesAsync(CallDimension by, int minimumNotified = 1, AnalyticsFilter? filter = null, CancellationToken cancellationToken = default) =>
        PgUserPreferencesQuery.ReadAsync(_dataSource, _names, PgAnalyticsScope.Create(filter, by), by, minimumNotified, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<RetentionRow>> GetRetentionAsync(AnalyticsFilter? filter = null, CancellationToken cancellationToken = default) =>
        PgRetentionQuery.ReadAsync(_dataSource, _names, PgAnalyticsScope.Create(filter), cancellationToken);
}
