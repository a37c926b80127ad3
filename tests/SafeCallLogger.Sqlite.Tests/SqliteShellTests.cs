using System.Diagnostics;
using SafeCallLogger.Sqlite.Tests.Support;
using static SafeCallLogger.Sqlite.Tests.Support.TestData;

namespace SafeCallLogger.Sqlite.Tests;

/// <summary>The seed's own checks, run with the real sqlite3 command-line tool on a file the library wrote.</summary>
public sealed class SqliteShellTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Sqlite3Shell_DatabaseWrittenByLibrary_AnswersTheSeedChecks()
    {
        await using (var logger = new CallLogger(new SqliteCallSink(_db.ConnectionString)))
        {
            logger.LogCallSafe(Call("a1", CallType.Arbitrage, sentAt: Start));
            logger.LogCallSafe(Call("a2", CallType.Arbitrage, sentAt: Start));
            logger.LogCallSafe(Call("a3", CallType.Arbitrage, sentAt: Start));
            logger.LogCallSafe(Call("m1", CallType.Middle, sentAt: Start));
            logger.LogCallSafe(Call("g1", CallType.GoodEv, sentAt: Start));
            logger.LogCallSafe(Call("g2", CallType.GoodEv, sentAt: Start));
            logger.IncrementClickSafe("a1", 1);
            logger.IncrementClickSafe("a1", 1);
            logger.IncrementClickSafe("g2");
            Assert.True((await logger.FlushAsync(TimeSpan.FromSeconds(30))).Completed);
        }

        var byType = await RunSqlite3Async("SELECT call_type, COUNT(*) FROM arbitrage_calls GROUP BY call_type;");
        var clicked = await RunSqlite3Async("SELECT COUNT(*) FROM arbitrage_calls WHERE alert_clicked_count > 0;");
        var newest = await RunSqlite3Async("SELECT alert_sent_at FROM arbitrage_calls ORDER BY alert_sent_at DESC LIMIT 1;");

        Assert.Equal(["arbitrage|3", "good_ev|2", "middle|1"], byType);
        Assert.Equal(["2"], clicked);
        Assert.Equal(["2026-03-14 18:30:00.000"], newest);
    }

    private async Task<string[]> RunSqlite3Async(string sql)
    {
        var start = new ProcessStartInfo("sqlite3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(_db.Path);
        start.ArgumentList.Add(sql);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, error);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
