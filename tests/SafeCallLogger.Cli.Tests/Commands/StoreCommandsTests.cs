using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SafeCallLogger.Cli.Tests.Support;
using SafeCallLogger.Sqlite;

namespace SafeCallLogger.Cli.Tests.Commands;

/// <summary>stats, backup, prune, selftest, doctor, watch, report and help as processes on the demo database (or a copy of it).</summary>
[Collection(DemoCollection.Name)]
public sealed class StoreCommandsTests(DemoDatabase demo)
{
    [Fact]
    public async Task Stats_Table_IsTheMlStatsMessage()
    {
        var run = await Tools.SafecallAsync("stats", "--db", demo.Path);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("ML CALL LOGGER - STATS", run.Output, StringComparison.Ordinal);
        Assert.Contains($"Total calls stored: {DemoDatabase.Calls}", run.Output, StringComparison.Ordinal);
        Assert.Contains("Recommendations:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_Json_IsTheStoresTotals()
    {
        var totals = await demo.Store.GetTotalsAsync();

        using var json = JsonDocument.Parse(Checked(await Tools.SafecallAsync("stats", "--db", demo.Path, "--format", "json")).Output);

        var root = json.RootElement;
        Assert.Equal(totals.TotalCalls, root.GetProperty("totalCalls").GetInt64());
        Assert.Equal(totals.CallsWithClicks, root.GetProperty("callsWithClicks").GetInt64());
        Assert.Equal(totals.TotalUsersNotified, root.GetProperty("totalUsersNotified").GetInt64());
        Assert.Equal(totals.TotalUsersBet, root.GetProperty("totalUsersBet").GetInt64());
        Assert.Equal(totals.TotalProfit, root.GetProperty("totalProfit").GetDouble());
        Assert.Equal(totals.CallsByType["arbitrage"], root.GetProperty("callsByType").GetProperty("arbitrage").GetInt64());
    }

    [Fact]
    public async Task Backup_ToANewFolder_WritesACopyThatStatsReads()
    {
        var backup = Path.Combine(demo.NewPath("backups"), "copy.db");

        Checked(await Tools.SafecallAsync("backup", backup, "--db", demo.Path));
        var stats = Checked(await Tools.SafecallAsync("stats", "--db", backup));

        Assert.Contains($"Total calls stored: {DemoDatabase.Calls}", stats.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prune_OlderThanOneDay_DeletesTheOlderCallsOnly()
    {
        var copy = demo.Copy("prune.db");
        Assert.InRange(Count(copy, "julianday(alert_sent_at) < julianday('now', '-1 day')"), 1, DemoDatabase.Calls - 1);

        var run = Checked(await Tools.SafecallAsync("prune", "--older-than", "1", "--db", copy));

        var kept = Count(copy, "1");
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"Pruned {DemoDatabase.Calls - kept:N0} calls"), run.Output, StringComparison.Ordinal);
        Assert.Equal(0, Count(copy, "julianday(alert_sent_at) < julianday('now', '-1 day', '-1 minute')"));
        Assert.Equal(kept, Count(copy, "julianday(alert_sent_at) >= julianday('now', '-1 day', '-1 minute')"));
    }

    [Fact]
    public async Task SelfTest_OnACopy_PassesAndLeavesNoTestCall()
    {
        var copy = demo.Copy("selftest.db");

        var run = Checked(await Tools.SafecallAsync("selftest", "--db", copy));

        Assert.Contains("Self-test passed", run.Output, StringComparison.Ordinal);
        Assert.Equal(DemoDatabase.Calls, Count(copy, "1"));
        Assert.Equal(0, Count(copy, "call_id LIKE 'ml_test_%'"));
    }

    [Fact]
    public async Task Doctor_Json_ReportsAHealthyCurrentSchema()
    {
        using var json = JsonDocument.Parse(Checked(await Tools.SafecallAsync("doctor", "--full", "--db", demo.Path, "--format", "json")).Output);

        var root = json.RootElement;
        Assert.True(root.GetProperty("healthy").GetBoolean());
        Assert.Equal("integrity_check", root.GetProperty("check").GetString());
        Assert.True(root.GetProperty("schemaVersion").GetInt32() >= 3);
        Assert.Equal(DemoDatabase.Calls, root.GetProperty("calls").GetInt64());
        Assert.Equal(0, root.GetProperty("deadLetters").GetInt64());
        Assert.Equal(0, root.GetProperty("pendingOperations").GetInt64());
    }

    [Fact]
    public async Task Doctor_Table_ShowsEveryCheck()
    {
        var run = Checked(await Tools.SafecallAsync("doctor", "--db", demo.Path));

        foreach (var check in new[] { "PRAGMA quick_check", "Schema version", "Pending operations", "Dead letters", "Journal", "Healthy." })
        {
            Assert.Contains(check, run.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Watch_TwoIterations_PrintsTwoReadsAndStops()
    {
        var run = Checked(await Tools.SafecallAsync("watch", "--iterations", "2", "--interval", "0", "--db", demo.Path));

        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, static l => Assert.StartsWith($"calls={DemoDatabase.Calls} (+0)", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Watch_OnceAsJson_IsOneLineOfTotals()
    {
        var run = Checked(await Tools.SafecallAsync("watch", "--once", "--format", "json", "--db", demo.Path));

        using var json = JsonDocument.Parse(run.Output.Trim());
        Assert.Equal(DemoDatabase.Calls, json.RootElement.GetProperty("totalCalls").GetInt64());
    }

    [Fact]
    public async Task Report_Html_WritesOneSelfContainedPage()
    {
        var page = demo.NewPath("report.html");

        var run = Checked(await Tools.SafecallAsync("report", "--html", page, "--tz", "Europe/Paris", "--db", demo.Path));

        Assert.Contains("Report written", run.Output, StringComparison.Ordinal);
        var html = await File.ReadAllTextAsync(page);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsEveryCommand()
    {
        var run = Checked(await Tools.SafecallAsync("--help"));

        foreach (var command in new[] { "stats", "breakdown", "users", "clv", "results", "daily", "timing", "retention", "lines", "report", "export", "backup", "prune", "selftest", "doctor", "watch" })
        {
            Assert.Contains(command, run.Output, StringComparison.Ordinal);
        }
    }

    private static ChildRun Checked(ChildRun run)
    {
        Assert.True(run.ExitCode == 0, run.ToString());
        return run;
    }

    private static long Count(string database, string where)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM arbitrage_calls WHERE " + where;
        return (long)command.ExecuteScalar()!;
    }
}
