namespace SafeCallLogger.Tests.Analytics;

/// <summary>
/// The analytics contract (<see cref="ICallAnalytics"/>) every store must answer the same way: hand-computed answers
/// over schedules of calls, clicks, results and closing lines written through the store's own sink. A store's test
/// project derives it (SQLite, PostgreSQL) and gives a fresh, empty storage per test instance.
/// </summary>
public abstract partial class CallAnalyticsConformanceTests : IDisposable
{
    protected CallAnalyticsConformanceTests()
    {
        F = new AnalyticsSchedule(async operations =>
        {
            await WriteThroughSinkAsync(operations);
            return Store;
        });
    }

    /// <summary>The schedule of operations a test writes (<see cref="AnalyticsSchedule.WriteAsync"/> returns <see cref="Store"/>).</summary>
    protected AnalyticsSchedule F { get; }

    /// <summary>The store under test on this test's storage, which starts empty (no tables).</summary>
    protected abstract ICallAnalytics Store { get; }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Writes <paramref name="operations"/> through the store's own sink, in one batch, with the sink's clock at 1 December 2026.</summary>
    protected abstract Task WriteThroughSinkAsync(IReadOnlyList<CallOperation> operations);

    /// <summary>Whether the test's storage holds any table (a query must never create one).</summary>
    protected abstract bool StorageHasTables();

    protected virtual void Dispose(bool disposing)
    {
    }
}
