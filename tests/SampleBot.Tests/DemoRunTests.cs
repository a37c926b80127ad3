using System.Globalization;
using Microsoft.Data.Sqlite;
using SafeCallLogger.Sqlite;

namespace SampleBot.Tests;

public sealed class DemoRunTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("samplebot-demo-").FullName;

    [Fact]
    public async Task RunAsync_Demo200IntoSqliteFile_ExitsZeroAndDbHoldsEveryCallWithClicksResultsAndUsers()
    {
        var db = Path.Combine(_directory, "demo.db");
        using var output = new StringWriter();

        var exitCode = await SampleBotApp.RunAsync(["--demo", "200", "--db", db, "--seed", "11"], output, TextReader.Null);

        Assert.Equal(0, exitCode);
        var log = output.ToString();
        Assert.Contains("Demo: 200 alerts", log, StringComparison.Ordinal);
        Assert.Contains("Lost = 0", log, StringComparison.Ordinal);

        var distinctIds = log.Split('\n')
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(parts => parts.Length > 3 && parts[2] is "Arbitrage" or "Middle" or "GoodEv")
            .Select(parts => parts[3])
            .ToHashSet();

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT COUNT(*), COUNT(DISTINCT call_id), SUM(alert_clicked_count > 0), SUM(actual_outcome IS NOT NULL),
                   SUM(total_users_notified > 0), COUNT(DISTINCT call_type)
            FROM arbitrage_calls
            """;
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        var rows = reader.GetInt64(0);
        Assert.Equal(distinctIds.Count, rows);
        Assert.Equal(rows, reader.GetInt64(1));
        Assert.InRange(reader.GetInt64(2), rows / 2, rows);
        Assert.Equal(rows, reader.GetInt64(3));
        Assert.Equal(rows, reader.GetInt64(4));
        Assert.Equal(3, reader.GetInt64(5));
    }

    [Fact]
    public async Task RunAsync_Demo200_ClicksAreStampedOnTheSimulatedClockWithinTheirCallsLifetimeAndDayOneRetentionHasACohort()
    {
        var db = Path.Combine(_directory, "demo.db");

        var exitCode = await SampleBotApp.RunAsync(["--demo", "200", "--db", db, "--seed", "11"], TextWriter.Null, TextReader.Null);

        Assert.Equal(0, exitCode);
        var readOnly = new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly }.ToString();
        var clicks = ReadClicks(readOnly);
        Assert.NotEmpty(clicks);

        // A click stamped by the wall clock lands hours after a simulated alert; on the simulation's clock it lands
        // after the alert and before the call expires. Strictly after: a user needs a moment to press the button.
        Assert.All(clicks, click =>
        {
            Assert.InRange(click.FirstClickedAt, click.AlertSentAt.AddTicks(1), click.ExpiresAt);
            Assert.InRange(click.LastClickedAt, click.FirstClickedAt, click.ExpiresAt);
        });

        // The demo spans more than a simulated day, and its users keep getting and taking alerts the next day.
        var retention = await new SqliteCallStore(readOnly).GetRetentionAsync();
        var dayOne = Assert.Single(retention, row => row.Day == 1);
        Assert.True(dayOne.Cohort > 0, $"D1 has no cohort: {dayOne}");
        Assert.True(dayOne.Engaged > 0, $"no D1 user clicked again: {dayOne}");
    }

    private static List<DemoClick> ReadClicks(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c.alert_sent_at, c.expires_at, k.first_clicked_at, k.last_clicked_at
            FROM arbitrage_calls_clicks AS k JOIN arbitrage_calls AS c ON c.call_id = k.call_id
            """;
        using var reader = command.ExecuteReader();
        var clicks = new List<DemoClick>();
        while (reader.Read())
        {
            clicks.Add(new DemoClick(Utc(reader.GetString(0)), Utc(reader.GetString(1)), Utc(reader.GetString(2)), Utc(reader.GetString(3))));
        }

        return clicks;
    }

    // The table's canonical SQLite text, "yyyy-MM-dd HH:mm:ss.fff", in UTC.
    private static DateTimeOffset Utc(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

internal sealed record DemoClick(DateTimeOffset AlertSentAt, DateTimeOffset ExpiresAt, DateTimeOffset FirstClickedAt, DateTimeOffset LastClickedAt);
