using System.Text;
using System.Text.Json;
using SafeCallLogger.Sqlite.Tests.Support;
using static SafeCallLogger.Sqlite.Tests.Support.TestData;

namespace SafeCallLogger.Sqlite.Tests;

public sealed class SqliteExportTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private async Task<SqliteCallStore> SeedAsync()
    {
        await using (var sink = new SqliteCallSink(_db.ConnectionString, timeProvider: new FakeTimeProvider(Start)))
        {
            await sink.WriteAsync(
            [
                Upsert("c1", usersNotified: 2, users: [10, 11], call: Call("c1", users: [10, 11], teamA: "Team, \"A\"\nLine two")),
                Upsert("c2", at: Start.AddMinutes(5), call: Call("c2", CallType.Middle, sport: null)),
                Click("c1", 10),
                Click("c1", 10),
                Result("c1", CallOutcome.AWon, 3.25),
            ],
            CancellationToken.None);
        }

        return new SqliteCallStore(_db.ConnectionString);
    }

    [Fact]
    public async Task ExportAsync_Csv_Calls_ParseBackWithExactColumnsAndValues()
    {
        var store = await SeedAsync();
        using var stream = new MemoryStream();

        var rows = await store.ExportAsync(stream);

        var records = Csv.Parse(Encoding.UTF8.GetString(stream.ToArray()));
        Assert.Equal(2, rows);
        Assert.Equal(3, records.Count);
        Assert.Equal(_db.Scalar("SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_info('arbitrage_calls') ORDER BY cid)"), string.Join(',', records[0]));
        var c1 = Zip(records[0], records[1]);
        Assert.Equal("c1", c1["call_id"]);
        Assert.Equal("Team, \"A\"\nLine two", c1["team_a"]);
        Assert.Equal("2026-03-14 18:30:00.000", c1["alert_sent_at"]);
        Assert.Equal("2.1", c1["odds_a"]);
        Assert.Equal("2", c1["alert_clicked_count"]);
        Assert.Equal("3.25", c1["actual_profit"]);
        Assert.Equal(_db.Scalar("SELECT raw_data FROM arbitrage_calls WHERE call_id = 'c1'"), c1["raw_data"]);
        var c2 = Zip(records[0], records[2]);
        Assert.Equal(string.Empty, c2["sport"]);
        Assert.Equal("middle", c2["call_type"]);
        Assert.False(stream.ToArray().AsSpan().StartsWith(Encoding.UTF8.Preamble), "no BOM");
    }

    [Theory]
    [InlineData(1, null, "c2")]
    [InlineData(null, 1, "c1")]
    [InlineData(0, 5, "c1")]
    [InlineData(0, 6, "c1,c2")]
    [InlineData(6, null, "")]
    public async Task ExportAsync_TimeRange_OnlyCallsSentFromSinceUntilBeforeUntil(int? sinceMinutes, int? untilMinutes, string expected)
    {
        var store = await SeedAsync();
        using var stream = new MemoryStream();

        var rows = await store.ExportAsync(stream, new CallExport
        {
            Since = sinceMinutes is { } since ? Start.AddMinutes(since) : null,
            Until = untilMinutes is { } until ? Start.AddMinutes(until) : null,
        });

        var records = Csv.Parse(Encoding.UTF8.GetString(stream.ToArray()));
        var ids = records.Skip(1).Select(r => Zip(records[0], r)["call_id"]).ToList();
        Assert.Equal(expected, string.Join(',', ids));
        Assert.Equal(ids.Count, rows);
    }

    [Fact]
    public async Task ExportAsync_JsonLines_Calls_OneTypedObjectPerLine()
    {
        var store = await SeedAsync();
        using var stream = new MemoryStream();

        var rows = await store.ExportAsync(stream, new CallExport { Format = CallExportFormat.JsonLines });

        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, rows);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        var c1 = first.RootElement;
        Assert.Equal(34, c1.EnumerateObject().Count());
        Assert.Equal("c1", c1.GetProperty("call_id").GetString());
        Assert.Equal("Team, \"A\"\nLine two", c1.GetProperty("team_a").GetString());
        Assert.Equal(2.1, c1.GetProperty("odds_a").GetDouble());
        Assert.Equal(2, c1.GetProperty("total_users_notified").GetInt64());
        Assert.Equal(JsonValueKind.Null, c1.GetProperty("clv_a").ValueKind);
        using var raw = JsonDocument.Parse(c1.GetProperty("raw_data").GetString()!);
        Assert.Equal("a \"quoted\", comma", raw.RootElement.GetProperty("note").GetString());
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal(JsonValueKind.Null, second.RootElement.GetProperty("sport").ValueKind);
    }

    [Fact]
    public async Task ExportAsync_UserEvents_NotifiedAndClicks_OneRowPerUserEvent()
    {
        var store = await SeedAsync();
        using var csv = new MemoryStream();
        using var jsonl = new MemoryStream();

        var rows = await store.ExportAsync(csv, new CallExport { Rows = CallExportRows.UserEvents });
        var jsonRows = await store.ExportAsync(jsonl, new CallExport { Rows = CallExportRows.UserEvents, Format = CallExportFormat.JsonLines });

        var records = Csv.Parse(Encoding.UTF8.GetString(csv.ToArray()));
        Assert.Equal(3, rows);
        Assert.Equal(3, jsonRows);
        Assert.Equal(["call_id", "user_id", "event", "event_at", "click_count"], records[0]);
        Assert.Contains(records, r => r.SequenceEqual(["c1", "10", "clicked", "2026-03-14 18:31:00.000", "2"]));
        Assert.Contains(records, r => r.SequenceEqual(["c1", "11", "notified", "2026-03-14 18:30:00.000", string.Empty]));
    }

    [Fact]
    public async Task ExportAsync_Csv_TextStartingWithAFormulaCharacter_GetsALeadingApostropheNumbersDoNot()
    {
        await using (var sink = new SqliteCallSink(_db.ConnectionString, timeProvider: new FakeTimeProvider(Start)))
        {
            await sink.WriteAsync(
            [
                Upsert("f1", call: Call("f1", oddsA: Odds.FromAmerican(-110), teamA: "=HYPERLINK(\"http://x\")")),
                Upsert("f2", call: Call("f2", teamA: "+1")),
                Upsert("f3", call: Call("f3", teamA: "-2")),
                Upsert("f4", call: Call("f4", teamA: "@SUM(A1)")),
                Upsert("f5", call: Call("f5", teamA: "\tTab")),
                Upsert("f6", call: Call("f6", teamA: "\rCr")),
            ],
            CancellationToken.None);
        }

        using var stream = new MemoryStream();
        await new SqliteCallStore(_db.ConnectionString).ExportAsync(stream);

        var records = Csv.Parse(Encoding.UTF8.GetString(stream.ToArray()));
        var teamA = records[0].IndexOf("team_a");
        var oddsA = records[0].IndexOf("odds_a");
        var rows = records.Skip(1).OrderBy(r => r[0], StringComparer.Ordinal).ToList();
        Assert.Equal(["'=HYPERLINK(\"http://x\")", "'+1", "'-2", "'@SUM(A1)", "'\tTab", "'\rCr"], rows.Select(r => r[teamA]));
        Assert.Equal("-110", rows[0][oddsA]);
    }

    [Fact]
    public async Task ExportAsync_Csv_EmptyDatabase_WritesHeaderOnly()
    {
        using var stream = new MemoryStream();

        var rows = await new SqliteCallStore(_db.ConnectionString).ExportAsync(stream);

        Assert.Equal(0, rows);
        Assert.Single(Csv.Parse(Encoding.UTF8.GetString(stream.ToArray())));
    }

    private static Dictionary<string, string> Zip(List<string> header, List<string> row) =>
        header.Zip(row).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);

    /// <summary>A strict RFC 4180 reader, as pandas' C parser reads it.</summary>
    private static class Csv
    {
        public static List<List<string>> Parse(string text)
        {
            var records = new List<List<string>>();
            var record = new List<string>();
            var field = new StringBuilder();
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (c == '"' && field.Length == 0)
                {
                    i++;
                    while (true)
                    {
                        if (text[i] == '"' && i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                        }
                        else if (text[i] == '"')
                        {
                            i++;
                            break;
                        }
                        else
                        {
                            field.Append(text[i++]);
                        }
                    }
                }
                else if (c == ',')
                {
                    record.Add(field.ToString());
                    field.Clear();
                    i++;
                }
                else if (c == '\r' && text[i + 1] == '\n')
                {
                    record.Add(field.ToString());
                    field.Clear();
                    records.Add(record);
                    record = [];
                    i += 2;
                }
                else
                {
                    Assert.NotEqual('\n', c);
                    field.Append(c);
                    i++;
                }
            }

            Assert.Empty(record);
            return records;
        }
    }
}
