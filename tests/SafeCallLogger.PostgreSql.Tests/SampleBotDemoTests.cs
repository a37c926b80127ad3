using System.Globalization;
using SafeCallLogger.PostgreSql.Tests.Support;

namespace SafeCallLogger.PostgreSql.Tests;

/// <summary>
/// The sample bot as a newcomer runs it against a fleet's store, <c>dotnet run --project samples/SampleBot -- --demo 200
/// --postgres "…"</c> (its built dll, as a real process), then the two checks of the Python bot's integration guide
/// typed into the real <c>psql</c>.
/// </summary>
[Collection(PgCollection.Name)]
public sealed class SampleBotDemoTests(PgServer server)
{
    [Fact]
    public async Task SampleBotDemo200_WithPostgresSwitch_FillsTheDatabaseThatPsqlAndSafecallAnswer()
    {
        var db = new PgDatabase(server);

        var (exit, output) = await RunAsync(BuiltDll.Of("samples/SampleBot", "SampleBot.dll"), "--demo", "200", "--postgres", db.ConnectionString);

        Assert.True(exit == 0, output);
        Assert.Contains("Database: PostgreSQL 127.0.0.1:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", output, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(200, db.Count("SELECT COUNT(*) FROM arbitrage_calls"));
        Assert.True(db.Count("SELECT COUNT(*) FROM arbitrage_calls WHERE alert_clicked_count > 0") > 0, "the demo's users click");
        Assert.True(db.Count("SELECT COUNT(*) FROM arbitrage_calls WHERE actual_outcome IS NOT NULL") > 0, "the demo settles its calls");

        var newest = await Psql.QueryAsync(server, db.ConnectionString, "SELECT * FROM arbitrage_calls ORDER BY sent_at DESC LIMIT 1;");
        var callId = newest.Split('|')[0];
        Assert.Equal(db.Scalar("SELECT call_id FROM arbitrage_calls ORDER BY alert_sent_at DESC, call_id DESC LIMIT 1"), callId);
        var clicked = await Psql.QueryAsync(server, db.ConnectionString, $"SELECT users_clicked FROM arbitrage_calls WHERE call_id='{callId}';");
        Assert.Equal(Convert.ToString(db.Scalar($"SELECT alert_clicked_count FROM arbitrage_calls WHERE call_id = '{callId}'"), CultureInfo.InvariantCulture), clicked);

        // The safecall tool on the same database, by its --postgres switch: the operator's questions answered there too.
        var (statsExit, stats) = await RunAsync(BuiltDll.Of("src/SafeCallLogger.Cli", "safecall.dll"), "stats", "--postgres", db.ConnectionString);
        Assert.True(statsExit == 0, stats);
        Assert.Contains("200", stats, StringComparison.Ordinal);
        var (breakdownExit, breakdown) = await RunAsync(BuiltDll.Of("src/SafeCallLogger.Cli", "safecall.dll"), "breakdown", "--by", "sport", "--format", "json", "--postgres", db.ConnectionString);
        Assert.True(breakdownExit == 0, breakdown);
        using var rows = System.Text.Json.JsonDocument.Parse(breakdown);
        Assert.Equal(200, rows.RootElement.EnumerateArray().Sum(r => r.GetProperty("calls").GetInt64()));
    }

    // The output, and the errors after it when the run failed.
    private static async Task<(int Exit, string Output)> RunAsync(string dll, params string[] args)
    {
        var run = await ChildProcess.DotnetAsync(dll, args, Directory.CreateTempSubdirectory("samplebot-pg-").FullName);
        return (run.ExitCode, run.ExitCode == 0 ? run.Output : run.Output + run.Error);
    }
}
