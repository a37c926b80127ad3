namespace SafeCallLogger.Sqlite.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_MatchesTheApprovedFile()
    {
        var approvedPath = Path.Combine(AppContext.BaseDirectory, "PublicApi", "SafeCallLogger.Sqlite.approved.txt");
        var actual = PublicApi.Describe(typeof(SqliteCallSink).Assembly);
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).Replace("\r\n", "\n", StringComparison.Ordinal) : string.Empty;

        if (actual != approved)
        {
            var received = Path.Combine(Path.GetTempPath(), "SafeCallLogger.Sqlite.received.txt");
            File.WriteAllText(received, actual);
            Assert.Fail($"The public API changed. If that is intended, copy {received} over tests/SafeCallLogger.Sqlite.Tests/PublicApi/SafeCallLogger.Sqlite.approved.txt and review the diff.");
        }
    }

    [Fact]
    public void PublicTypes_AreSealedOrStatic()
    {
        Assert.All(typeof(SqliteCallSink).Assembly.GetExportedTypes().Where(t => !t.IsAbstract), t => Assert.True(t.IsSealed, t.Name));
    }
}
