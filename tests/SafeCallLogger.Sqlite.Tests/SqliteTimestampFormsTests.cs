using System.Globalization;
using SafeCallLogger.Sqlite.Internal;
using SafeCallLogger.Sqlite.Tests.Support;
using static SafeCallLogger.Sqlite.Tests.Support.TestData;

namespace SafeCallLogger.Sqlite.Tests;

/// <summary>Our readers take every writer's time forms and compare by time, not by text.</summary>
public sealed class SqliteTimestampFormsTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Theory]
    [InlineData("2026-03-14 18:30:00.000")]
    [InlineData("2026-03-14 18:30:00")]
    [InlineData("2026-03-14 18:30:00.000000")]
    [InlineData("2026-03-14T18:30:00.000Z")]
    [InlineData("2026-03-14T18:30:00Z")]
    [InlineData("2026-03-14T20:30:00+02:00")]
    [InlineData("1773513000")]
    [InlineData("1773513000000")]
    [InlineData("2461114.2708333335")]
    public void TryParseTimestamp_EveryWritersForm_ReadsTheSameInstant(string stored)
    {
        Assert.True(SqliteText.TryParseTimestamp(stored, out var value));
        Assert.Equal(Start, value);
    }

    [Fact]
    public void Timestamp_AnyInstant_IsSqlitesCanonicalFixedWidthUtcText()
    {
        Assert.Equal("2026-03-14 18:30:00.000", SqliteText.Timestamp(Start));
        Assert.Equal("2026-03-14 18:30:00.007", SqliteText.Timestamp(new DateTimeOffset(2026, 3, 14, 20, 30, 0, 7, TimeSpan.FromHours(2))));
    }

    [Theory]
    [InlineData("canonical")]
    [InlineData("old-iso")]
    [InlineData("shell")]
    [InlineData("python")]
    [InlineData("offset")]
    [InlineData("epoch")]
    [InlineData("epoch-ms")]
    [InlineData("julian")]
    public async Task GetStatsAsync_NewestRowInAnyForm_IsTheLastCall(string newestForm)
    {
        // Each form written as another writer would, all on one day so that text order and time order disagree;
        // the row of the form under test is the newest by ten minutes.
        var forms = new Dictionary<string, Func<DateTimeOffset, string>>
        {
            ["canonical"] = t => Quote(SqliteText.Timestamp(t)),
            ["old-iso"] = t => Quote(LegacyFile.Iso(t)),
            ["shell"] = t => Quote(t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
            ["python"] = t => Quote(t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)),
            ["offset"] = t => Quote(t.ToOffset(TimeSpan.FromHours(-5)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)),
            ["epoch"] = t => t.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["epoch-ms"] = t => t.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            ["julian"] = t => $"julianday('{SqliteText.Timestamp(t)}')",
        };
        await using (var sink = new SqliteCallSink(_db.ConnectionString, timeProvider: new FakeTimeProvider(Start)))
        {
            await sink.WriteAsync([Upsert("first")], CancellationToken.None);
        }

        var i = 0;
        foreach (var (form, write) in forms)
        {
            var at = form == newestForm ? Start.AddHours(2) : Start.AddMinutes(100 + i++);
            _db.Execute($"INSERT INTO arbitrage_calls (call_id, call_type, bookmaker_a, bookmaker_b, odds_a, odds_b, roi_percent, alert_sent_at) VALUES ('{form}', 'middle', 'a', 'b', 2, 2, 1, {write(at)})");
        }

        var stats = await new SqliteCallStore(_db.ConnectionString, timeProvider: new FakeTimeProvider(Start.AddHours(3))).GetStatsAsync();

        Assert.Equal(Start.AddHours(2), stats.LastCallAt);
        Assert.Equal(forms.Count + 1, stats.TotalCalls);

        static string Quote(string text) => "'" + text + "'";
    }

    [Fact]
    public async Task ExportAsync_Csv_RowsInMixedForms_InTimeOrderWithCanonicalTimes()
    {
        await using (var sink = new SqliteCallSink(_db.ConnectionString, timeProvider: new FakeTimeProvider(Start)))
        {
            await sink.WriteAsync([Upsert("ours", at: Start.AddMinutes(20))], CancellationToken.None);
        }

        _db.Execute($"""
            INSERT INTO arbitrage_calls (call_id, call_type, bookmaker_a, bookmaker_b, odds_a, odds_b, roi_percent, alert_sent_at) VALUES
                ('old-iso', 'middle', 'a', 'b', 2, 2, 1, '{LegacyFile.Iso(Start.AddMinutes(10))}'),
                ('shell', 'middle', 'a', 'b', 2, 2, 1, '2026-03-14 18:45:00'),
                ('epoch', 'middle', 'a', 'b', 2, 2, 1, {Start.AddMinutes(5).ToUnixTimeSeconds()}),
                ('unreadable', 'middle', 'a', 'b', 2, 2, 1, 'yesterday');
            """);
        using var csv = new MemoryStream();

        await new SqliteCallStore(_db.ConnectionString).ExportAsync(csv);

        var rows = System.Text.Encoding.UTF8.GetString(csv.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => (Id: line.Split(',')[0], SentAt: line.Split(',')[20])).ToArray();
        Assert.Equal(
            [("unreadable", "yesterday"), ("epoch", "2026-03-14 18:35:00.000"), ("old-iso", "2026-03-14 18:40:00.000"), ("shell", "2026-03-14 18:45:00.000"), ("ours", "2026-03-14 18:50:00.000")],
            rows);
    }
}
