namespace SafeCallLogger.Sqlite.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void SqliteAssembly_PublicTypes_AreExactlyTheDocumentedOnes()
    {
        var types = typeof(SqliteCallSink).Assembly.GetExportedTypes().Select(t => t.FullName).Order(StringComparer.Ordinal);

        Assert.Equal(
        [
            "SafeCallLogger.Sqlite.CallStats",
            "SafeCallLogger.Sqlite.CallStatsFormatter",
            "SafeCallLogger.Sqlite.SelfTestResult",
            "SafeCallLogger.Sqlite.SqliteCallSink",
            "SafeCallLogger.Sqlite.SqliteCallStore",
            "SafeCallLogger.Sqlite.SqliteSinkOptions",
            "SafeCallLogger.SqliteCallLoggerOptionsExtensions",
        ],
        types);
        Assert.All(typeof(SqliteCallSink).Assembly.GetExportedTypes().Where(t => !t.IsAbstract), t => Assert.True(t.IsSealed, t.Name));
    }
}
