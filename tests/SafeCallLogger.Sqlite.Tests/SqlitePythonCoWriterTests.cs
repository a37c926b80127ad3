using System.Globalization;
using System.Text.Json;
using SafeCallLogger.Sqlite.Tests.Support;

namespace SafeCallLogger.Sqlite.Tests;

/// <summary>
/// The seed's Python bot (a real python3, standard library only: tests/Shared/Python/co_writer.py) and the library
/// writing the same file at the same time, as while an operator moves over.
/// </summary>
public sealed class SqlitePythonCoWriterTests : IDisposable
{
    private const int PythonCalls = 300;
    private const int OurCalls = 1000;

    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task PythonBotAndLogger_SameFileAtOnce_EveryRowKeptNoLockEscapesAndStatsMatchTheShell()
    {
        // Python creates the table with the seed's exact SQL, then both write at once once it reads "go".
        using var python = Python3.Start("co_writer.py", [_db.Path, PythonCalls.ToString(CultureInfo.InvariantCulture)]);
        var pythonErrors = python.StandardError.ReadToEndAsync();
        Assert.Equal("ready", await python.StandardOutput.ReadLineAsync());

        var sink = new SqliteCallSink(_db.ConnectionString);
        await using var logger = new CallLogger(sink, new CallLoggerOptions { QueueCapacity = 4 * OurCalls });
        await python.StandardInput.WriteLineAsync("go");
        await python.StandardInput.FlushAsync();

        CallType[] types = [CallType.Arbitrage, CallType.Middle, CallType.GoodEv];
        var clicks = 0;
        for (var i = 0; i < OurCalls; i++)
        {
            var id = "net" + i.ToString("0000", CultureInfo.InvariantCulture);
            var result = logger.LogCallSafe(new CallRecord
            {
                CallId = id,
                CallType = types[i % 3],
                Sport = "basketball_nba",
                TeamA = "Lakers",
                TeamB = "Celtics",
                BookmakerA = "bet365",
                BookmakerB = "pinnacle",
                OddsA = 2.1,
                OddsB = 2.05,
                RoiPercent = 3.7,
                UsersNotified = 1 + (i % 5),
                DataSource = "dotnet",
            });
            Assert.True(result.IsAccepted, result.Status.ToString());
            if (i % 10 == 0)
            {
                Assert.True(logger.IncrementClickSafe(id, userId: i).IsAccepted);
                clicks++;
            }
        }

        var summaryLine = await python.StandardOutput.ReadLineAsync();
        await python.WaitForExitAsync();
        Assert.True(python.ExitCode == 0, await pythonErrors);
        Assert.True((await logger.FlushAsync(TestWait.Guard)).Completed);
        var health = logger.GetHealth();

        using var summary = JsonDocument.Parse(summaryLine!);
        var pythonIds = summary.RootElement.GetProperty("inserted").EnumerateArray().Select(e => e.GetString()!).ToHashSet();
        var pythonClicks = summary.RootElement.GetProperty("clicks_applied").GetInt64();

        // Nobody saw "database is locked" past its busy timeout: not Python, not one failed write of ours.
        Assert.Equal(0, summary.RootElement.GetProperty("locked").GetInt32());
        Assert.Empty(summary.RootElement.GetProperty("other_errors").EnumerateArray());
        Assert.Equal(0, health.Errors);

        // Every row of both writers is there.
        Assert.Equal(PythonCalls, pythonIds.Count);
        Assert.Equal(pythonIds.Order(StringComparer.Ordinal), await Shell("SELECT call_id FROM arbitrage_calls WHERE data_source = 'python_bot' ORDER BY call_id;"));
        Assert.Equal([OurCalls.ToString(CultureInfo.InvariantCulture)], await Shell("SELECT COUNT(DISTINCT call_id) FROM arbitrage_calls WHERE data_source = 'dotnet';"));
        Assert.Equal([(clicks + pythonClicks).ToString(CultureInfo.InvariantCulture)], await Shell("SELECT SUM(alert_clicked_count) FROM arbitrage_calls;"));

        // /ml_stats totals are the shell's COUNT(*) and SUMs; "Last call" is the newest row of either writer by time.
        var stats = await new SqliteCallStore(_db.ConnectionString).GetStatsAsync(health);
        var totals = (await Shell("SELECT COUNT(*), SUM(total_users_notified), SUM(total_users_bet), SUM(alert_clicked_count > 0) FROM arbitrage_calls;")).Single().Split('|');
        Assert.Equal(totals, new[] { stats.TotalCalls, stats.TotalUsersNotified, stats.TotalUsersBet, stats.CallsWithClicks }.Select(v => v.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(OurCalls + PythonCalls, stats.TotalCalls);
        var byType = await Shell("SELECT call_type, COUNT(*) FROM arbitrage_calls GROUP BY call_type;");
        Assert.Equal(byType, stats.CallsByType.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "|" + p.Value.ToString(CultureInfo.InvariantCulture)));
        var newest = (await Shell("SELECT strftime('%Y-%m-%d %H:%M:%f', MAX(julianday(alert_sent_at))) FROM arbitrage_calls;")).Single();
        Assert.Equal(newest, stats.LastCallAt!.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture));
        Assert.Equal(["1"], await Shell("SELECT COUNT(*) FROM arbitrage_calls WHERE alert_sent_at > datetime('now','-1 hour') AND call_id = (SELECT call_id FROM arbitrage_calls ORDER BY alert_sent_at DESC LIMIT 1);"));
    }

    private Task<string[]> Shell(string sql) => Sqlite3Shell.RunAsync(_db.Path, sql);
}
