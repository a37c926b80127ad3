using System.Diagnostics;
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
    public async Task SampleBotDemo200_WithPostgresSwitch_FillsTheDatabaseAndPsqlAnswersTheGuidesTwoChecks()
    {
        var db = new PgDatabase(server);

        var (exit, output) = await RunSampleAsync("--demo", "200", "--postgres", db.ConnectionString);

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
    }

    private static async Task<(int Exit, string Output)> RunSampleAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Directory.CreateTempSubdirectory("samplebot-pg-").FullName,
        };
        start.ArgumentList.Add(SampleBotDll());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TestWait.Guard);
        return (process.ExitCode, await stdout + await stderr);
    }

    // Beside this assembly's configuration: tests/X/bin/Debug/net10.0 -> samples/SampleBot/bin/Debug/net10.0.
    private static string SampleBotDll()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.GetFullPath(Path.Combine(here.FullName, "..", "..", "..", "..", "..", "samples", "SampleBot", "bin", here.Parent!.Name, here.Name, "SampleBot.dll"));
        Assert.True(File.Exists(path), $"{path} not found: the test project builds the sample first.");
        return path;
    }
}
