using System.Globalization;
using System.Text.Json;
using Parquet;
using Parquet.Schema;

namespace SafeCallLogger.Cli.Export;

/// <summary>
/// Writes Parquet from the store's own JSON Lines export, so the columns, the snapshot and the time range are the
/// ones CSV and JSON Lines give. Typed for <c>pandas.read_parquet</c>: timestamps as UTC timestamps, counts as
/// int64, amounts as double, enums (call_type, actual_outcome, line_movement_speed) as strings, <c>raw_data</c> as
/// its JSON text. A time no date function reads becomes null rather than a wrong instant.
/// </summary>
internal static class ParquetExport
{
    public const int RowGroupSize = 50_000;

    private static readonly HashSet<string> TimeColumns = new(StringComparer.Ordinal) { "match_date", "match_commence_time", "alert_sent_at", "expires_at", "event_at" };
    private static readonly HashSet<string> IntegerColumns = new(StringComparer.Ordinal) { "total_users_notified", "total_users_bet", "alert_clicked_count", "user_id", "click_count" };
    private static readonly HashSet<string> RealColumns = new(StringComparer.Ordinal)
    {
        "odds_a", "odds_b", "odds_a_decimal", "odds_b_decimal", "recommended_stake_a", "recommended_stake_b", "total_stake",
        "expected_profit", "roi_percent", "actual_profit", "closing_line_a", "closing_line_b", "clv_a", "clv_b",
    };

    private static readonly string[] TimeFormats = ["yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"];

    /// <summary>The columns of each kind of row when the export is empty (the table's columns, in its order).</summary>
    public static IReadOnlyList<string> DefaultColumns(CallExportRows rows) => global::SafeCallLogger.Storage.CallTableColumns.Of(rows);

    /// <summary>Reads <paramref name="jsonLines"/> and writes it to <paramref name="destination"/> in row groups; returns the rows written.</summary>
    public static async Task<long> WriteAsync(TextReader jsonLines, CallExportRows rows, Stream destination, Action<long>? progress, CancellationToken cancellationToken)
    {
        var buffer = new List<JsonElement>(RowGroupSize);
        var line = await jsonLines.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        JsonElement? first = line is null ? null : JsonDocument.Parse(line).RootElement.Clone();
        var columns = first is { } f ? f.EnumerateObject().Select(static p => p.Name).ToList() : [.. DefaultColumns(rows)];
        var fields = columns.Select(Field).ToArray();
        long written = 0;
        var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), destination, cancellationToken: cancellationToken).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            if (first is { } element)
            {
                buffer.Add(element);
            }

            while ((line = await jsonLines.ReadLineAsync(cancellationToken).ConfigureAwait(false)) is not null || buffer.Count > 0)
            {
                if (line is not null && line.Length > 0)
                {
                    using var document = JsonDocument.Parse(line);
                    buffer.Add(document.RootElement.Clone());
                }

                if (buffer.Count >= RowGroupSize || (line is null && buffer.Count > 0))
                {
                    await WriteGroupAsync(writer, fields, buffer, cancellationToken).ConfigureAwait(false);
                    written += buffer.Count;
                    buffer.Clear();
                    progress?.Invoke(written);
                }
            }

            if (written == 0)
            {
                // An empty export is still a file pandas reads: the schema and one empty row group.
                await WriteGroupAsync(writer, fields, buffer, cancellationToken).ConfigureAwait(false);
            }
        }

        return written;
    }

    private static DataField Field(string name) =>
        TimeColumns.Contains(name) ? new DateTimeDataField(name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Millis, isNullable: true)
        : IntegerColumns.Contains(name) ? new DataField<long?>(name)
        : RealColumns.Contains(name) ? new DataField<double?>(name)
        : new DataField<string>(name, true);

    private static async Task WriteGroupAsync(ParquetWriter writer, DataField[] fields, List<JsonElement> rows, CancellationToken cancellationToken)
    {
        using var group = writer.CreateRowGroup();
        foreach (var field in fields)
        {
            var values = rows.Select(r => r.TryGetProperty(field.Name, out var v) ? v : default).ToArray();
            switch (field)
            {
                case DateTimeDataField:
                    await group.WriteAsync<DateTime>(field, values.Select(ReadTime).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                    break;
                case DataField<long?>:
                    await group.WriteAsync<long>(field, values.Select(static v => v.ValueKind == JsonValueKind.Number ? (long?)(v.TryGetInt64(out var n) ? n : (long)v.GetDouble()) : null).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                    break;
                case DataField<double?>:
                    await group.WriteAsync<double>(field, values.Select(static v => v.ValueKind == JsonValueKind.Number ? v.GetDouble() : (double?)null).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    await group.WriteAsync(field, values.Select(ReadText).ToArray()).ConfigureAwait(false);
                    break;
            }
        }
    }

    private static string? ReadText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };

    private static DateTime? ReadTime(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { } text)
        {
            return null;
        }

        const DateTimeStyles utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (DateTime.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, utc, out var time)
            || DateTime.TryParse(text, CultureInfo.InvariantCulture, utc, out time))
        {
            return DateTime.SpecifyKind(time, DateTimeKind.Utc);
        }

        return null;
    }
}
