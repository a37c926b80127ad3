using Microsoft.Data.Sqlite;

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

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
