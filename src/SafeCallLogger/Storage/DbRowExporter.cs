using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Data.Common;

namespace SafeCallLogger.Storage;

/// <summary>
/// The export format every store writes (<see cref="ICallStore.ExportAsync"/>), so a file reads the same whichever
/// storage made it. Streams the rows of a query as CSV (header row, RFC 4180 quoting, CRLF line ends) or JSON Lines (one object per
/// line, column names as keys). Values are written as the query gives them (it puts timestamps in canonical UTC text), numbers use
/// the invariant culture, NULL is an empty CSV field or JSON <c>null</c>. Readable by pandas as is.
/// </summary>
internal static class DbRowExporter
{
    private const int FlushThreshold = 64 * 1024;
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task<long> WriteCsvAsync(DbDataReader reader, Stream destination, CancellationToken cancellationToken)
    {
        var writer = new StreamWriter(destination, Utf8NoBom, bufferSize: 16 * 1024, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            var line = new StringBuilder();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                AppendCsvField(line, reader.GetName(i), i);
            }

            line.Append("\r\n");
            long rows = 0;
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    AppendCsvField(line, reader.IsDBNull(i) ? null : CsvText(reader.GetValue(i)), i);
                }

                line.Append("\r\n");
                rows++;
                if (line.Length >= FlushThreshold)
                {
                    await writer.WriteAsync(line, cancellationToken).ConfigureAwait(false);
                    line.Clear();
                }
            }

            await writer.WriteAsync(line, cancellationToken).ConfigureAwait(false);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            return rows;
        }
    }

    public static async Task<long> WriteJsonLinesAsync(DbDataReader reader, Stream destination, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(FlushThreshold + 4096);
        var names = Enumerable.Range(0, reader.FieldCount).Select(i => JsonEncodedText.Encode(reader.GetName(i))).ToArray();
        using var json = new Utf8JsonWriter(buffer);
        long rows = 0;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            json.Reset(buffer);
            json.WriteStartObject();
            for (var i = 0; i < names.Length; i++)
            {
                WriteJsonValue(json, names[i], reader.IsDBNull(i) ? null : reader.GetValue(i));
            }

            json.WriteEndObject();
            json.Flush();
            buffer.Write("\n"u8);
            rows++;
            if (buffer.WrittenCount >= FlushThreshold)
            {
                await destination.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
                buffer.ResetWrittenCount();
            }
        }

        await destination.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
        return rows;
    }

    private static void WriteJsonValue(Utf8JsonWriter json, JsonEncodedText name, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNull(name);
                break;
            case long l:
                json.WriteNumber(name, l);
                break;
            case int i:
                json.WriteNumber(name, i);
                break;
            case short sh:
                json.WriteNumber(name, sh);
                break;
            case decimal m:
                json.WriteNumber(name, m);
                break;
            case bool b:
                json.WriteBoolean(name, b);
                break;
            case float f when float.IsFinite(f):
                json.WriteNumber(name, f);
                break;
            case double d when double.IsFinite(d):
                json.WriteNumber(name, d);
                break;
            case double or float:
                json.WriteNull(name);
                break;
            case byte[] bytes:
                json.WriteBase64String(name, bytes);
                break;
            default:
                json.WriteString(name, Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    /// <summary>
    /// A cell's text, with a leading apostrophe on text that a spreadsheet would run as a formula (starting with
    /// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or CR: team names and raw data come from outside). Numbers are
    /// written as numbers, so a negative odd stays <c>-110</c>.
    /// </summary>
    private static string CsvText(object value) =>
        value is string text && text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : Text(value);

    private static string Text(object value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToBase64String(bytes),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static void AppendCsvField(StringBuilder line, string? value, int index)
    {
        if (index > 0)
        {
            line.Append(',');
        }

        if (value is null)
        {
            return;
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            line.Append(value);
            return;
        }

        line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
