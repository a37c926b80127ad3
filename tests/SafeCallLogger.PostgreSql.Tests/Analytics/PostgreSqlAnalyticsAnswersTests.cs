using SafeCallLogger.PostgreSql.Tests.Support;
using SafeCallLogger.Tests.Analytics;
using static SafeCallLogger.Tests.Analytics.AnalyticsSchedule;

namespace SafeCallLogger.PostgreSql.Tests.Analytics;

/// <summary>
/// The shared analytics suite with every question asked through <see cref="ICallAnalytics.AnswerAsync"/>: on
/// PostgreSQL the contract's default, each question through its single method, all at once.
/// </summary>
[Collection(PgCollection.Name)]
public sealed class PostgreSqlAnalyticsAnswersTests(PgServer server) : CallAnalyticsConformanceTests
{
    private readonly PgDatabase _db = new(server);
    private PostgreSqlCallStore? _store;

    protected override ICallAnalytics Store => new AnsweredTogether(_store ??= new PostgreSqlCallStore(_db.ConnectionString));

    protected override async Task WriteThroughSinkAsync(IReadOnlyList<CallOperation> operations)
    {
        await using var sink = new PostgreSqlCallSink(_db.ConnectionString, timeProvider: new FakeTimeProvider(WrittenAt));
        await sink.WriteAsync(operations, CancellationToken.None);
    }

    protected override bool StorageHasTables() =>
        _db.Count("SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')") > 0;

    protected override void Dispose(bool disposing)
    {
        _store?.Dispose();
        base.Dispose(disposing);
    }
}
