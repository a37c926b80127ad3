using System.Globalization;
using System.Text;
using System.Text.Json;
using Parquet;
using Parquet.Schema;
using SafeCallLogger.Cli.Tests.Support;

namespace SafeCallLogger.Cli.Tests.Commands;

/// <summary>export as a process: CSV and JSON Lines are the store's own export; Parquet read back with Parquet.Net has typed columns with the same values.</summary>
[Collection(DemoCollection.Name)]
public sealed class ExportCommandTests(DemoDatabase demo)
{
    [Fact]
    public async Task Export_CsvToStdout_IsTheStoresCsvExport()
    {
        var run = await Tools.SafecallAsync("export", "--db", demo.Path);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(await StoreExportAsync(new CallExport()), run.Output);
    }

    [Fact]
    public async Task Export_UsersJsonLinesSinceToAFile_IsTheStoresExportOfThatRange()
    {
        var since = DateTimeOffset.UtcNow.AddHours(-6);
        var file = demo.NewPath("users.jsonl");

        var run = await Tools.SafecallAsync("export", "--format", "jsonl", "--rows", "users", "--since", since.ToString("O", CultureInfo.InvariantCulture), "--output", file, "--db", demo.Path);

        Assert.True(run.ExitCode == 0, run.ToString());
        var expected = await StoreExportAsync(new CallExport { Format = CallExportFormat.JsonLines, Rows = CallExportRows.UserEvents, Since = since });
        Assert.Equal(expected, await File.ReadAllTextAsync(file));
        Assert.Contains($"Exported {expected.Count(static c => c == '\n'):N0} rows", run.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(file + ".partial"));
    }

    [Fact]
    public async Task Export_Parquet_ReadsBackWithTypedColumnsAndTheJsonLinesValues()
    {
        var file = demo.NewPath("calls.parquet");
        var run = await Tools.SafecallAsync("export", "--format", "parquet", "--output", file, "--db", demo.Path);
        Assert.True(run.ExitCode == 0, run.ToString());
        var expected = (await StoreExportAsync(new CallExport { Format = CallExportFormat.JsonLines }))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(static l => JsonDocument.Parse(l).RootElement).ToList();

        await using var stream = File.OpenRead(file);
        await using var reader = await ParquetReader.CreateAsync(stream);
        var fields = reader.Schema.GetDataFields().ToDictionary(static f => f.Name);
        Assert.Equal(expected[0].EnumerateObject().Select(static p => p.Name), reader.Schema.GetDataFields().Select(static f => f.Name));
        Assert.IsType<DateTimeDataField>(fields["alert_sent_at"]);
        Assert.IsType<DateTimeDataField>(fields["expires_at"]);
        Assert.Equal(typeof(long), fields["total_users_notified"].ClrType);
        Assert.Equal(typeof(double), fields["roi_percent"].ClrType);
        var elements = reader.Metadata!.Schema.ToDictionary(static e => e.Name);
        Assert.True(elements["alert_sent_at"].LogicalType?.TIMESTAMP?.IsAdjustedToUTC, "alert_sent_at is a UTC timestamp");
        foreach (var text in new[] { "call_type", "actual_outcome", "line_movement_speed", "raw_data" })
        {
            Assert.NotNull(elements[text].LogicalType?.STRING);
        }

        var sent = new List<DateTime?>();
        var notified = new List<long?>();
        var roi = new List<double?>();
        var types = new List<string?>();
        var raw = new List<string?>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var n = (int)group.RowCount;
            sent.AddRange(await ReadAsync<DateTime>(group, fields["alert_sent_at"], n));
            notified.AddRange(await ReadAsync<long>(group, fields["total_users_notified"], n));
            roi.AddRange(await ReadAsync<double>(group, fields["roi_percent"], n));
            var text = new string?[n];
            await group.ReadAsync(fields["call_type"], text.AsMemory());
            types.AddRange(text);
            text = new string?[n];
            await group.ReadAsync(fields["raw_data"], text.AsMemory());
            raw.AddRange(text);
        }

        Assert.Equal(DemoDatabase.Calls, sent.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var row = expected[i];
            var time = DateTime.ParseExact(row.GetProperty("alert_sent_at").GetString()!, "yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
            Assert.Equal(time, sent[i]!.Value.ToUniversalTime());
            Assert.Equal(row.GetProperty("total_users_notified").GetInt64(), notified[i]);
            Assert.Equal(row.GetProperty("roi_percent").GetDouble(), roi[i]);
            Assert.Equal(row.GetProperty("call_type").GetString(), types[i]);
            Assert.Contains(types[i], new[] { "arbitrage", "middle", "good_ev" });
            if (raw[i] is { } json)
            {
                using var parsed = JsonDocument.Parse(json);
                Assert.Equal(row.GetProperty("raw_data").GetString(), json);
            }
        }
    }

    [Fact]
    public async Task Export_ParquetWithoutOutput_IsABadArgument()
    {
        var run = await Tools.SafecallAsync("export", "--format", "parquet", "--db", demo.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--output", run.Error, StringComparison.Ordinal);
    }

    private static async Task<T?[]> ReadAsync<T>(ParquetRowGroupReader group, DataField field, int rows)
        where T : struct
    {
        var values = new T?[rows];
        await group.ReadAsync(field, values.AsMemory());
        return values;
    }

    private async Task<string> StoreExportAsync(CallExport export)
    {
        using var buffer = new MemoryStream();
        await demo.Store.ExportAsync(buffer, export);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
