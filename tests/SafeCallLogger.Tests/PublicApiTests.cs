using SafeCallLogger.Tests.Shared;

namespace SafeCallLogger.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_MatchesTheApprovedFile()
    {
        var approvedPath = Path.Combine(AppContext.BaseDirectory, "PublicApi", "SafeCallLogger.approved.txt");
        var actual = PublicApi.Describe(typeof(ICallLogger).Assembly);
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).Replace("\r\n", "\n", StringComparison.Ordinal) : string.Empty;

        if (actual != approved)
        {
            var received = Path.Combine(Path.GetTempPath(), "SafeCallLogger.received.txt");
            File.WriteAllText(received, actual);
            Assert.Fail($"The public API changed. If that is intended, copy {received} over tests/SafeCallLogger.Tests/PublicApi/SafeCallLogger.approved.txt and review the diff.");
        }
    }
}
