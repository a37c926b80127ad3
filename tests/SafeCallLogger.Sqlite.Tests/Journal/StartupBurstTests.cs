using SafeCallLogger.Sqlite.Tests.Support;

namespace SafeCallLogger.Sqlite.Tests.Journal;

/// <summary>A bot that broadcasts a backlog the moment it starts: the queue fills before the sink has even made the file, and the journal takes the rest.</summary>
public sealed class StartupBurstTests : IDisposable
{
    private const int Calls = 20_000;
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Burst20000CallsAtStartup_DefaultSettings_NoneRefused()
    {
        var statuses = new StatusCounts();
        await using (var sink = new SqliteCallSink(_db.ConnectionString))
        await using (var logger = new CallLogger(sink))
        {
            for (var i = 0; i < Calls; i++)
            {
                statuses.Add(logger.LogCallSafe(TestData.Call("burst" + i, teamA: "T" + i)));
            }

            Assert.True(statuses.Accepted == Calls, $"not all {Calls:N0} accepted: {statuses}");
            Assert.True((await logger.FlushAsync(TestWait.Guard)).Completed);
        }

        Assert.Equal([Calls.ToString(System.Globalization.CultureInfo.InvariantCulture)], await Sqlite3Shell.RunAsync(_db.Path, "SELECT COUNT(*) FROM arbitrage_calls;"));
    }
}
