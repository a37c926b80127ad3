using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SafeCallLogger.Cli.Output;

/// <summary>Writes row records for scripts: JSON (the records as they are, camelCase) or CSV (the same fields, flattened).</summary>
internal static class RowWriter
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static void WriteJson<T>(TextWriter output, T value)
    {
        output.WriteLine(JsonSerializer.Serialize(value, Json));
    }

    public static void WriteCsv<T>(TextWriter output, IEnumerable<T> rows)
    {
        var columns = Columns(typeof(T), string.Empty, static r => r).ToList();
        output.Write(string.Join(',', columns.Select(static c => Quote(c.Name))));
        output.Write("\r\n");
        foreach (var row in rows)
        {
            output.Write(string.Join(',', columns.Select(c => Quote(Format(c.Read(row))))));
            output.Write("\r\n");
        }
    }

    private static IEnumerable<(string Name, Func<object?, object?> Read)> Columns(Type type, string prefix, Func<object?, object?> parent)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.Name == "EqualityContract")
            {
                continue;
            }

            var name = prefix.Length == 0 ? JsonNamingPolicy.CamelCase.ConvertName(property.Name) : prefix + property.Name;
            var read = (Func<object?, object?>)(row => parent(row) is { } owner ? property.GetValue(owner) : null);
            if (IsNested(property.PropertyType))
            {
                foreach (var nested in Columns(property.PropertyType, name, read))
                {
                    yield return nested;
                }
            }
            else
            {
                yield return (name, read);
            }
        }
    }

    // A record of values (DurationSummary) is flattened into columns; scalars, strings and collections are not.
    private static bool IsNested(Type type) =>
        type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type);

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToString("yyyy-MM-dd HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        IDictionary map => string.Join(';', map.Keys.Cast<object>().Select(k => $"{Format(k)}={Format(map[k])}")),
        IEnumerable items => string.Join(';', items.Cast<object?>().Select(Format)),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Quote(string field)
    {
        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return field;
        }

        return new StringBuilder(field.Length + 2).Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"').ToString();
    }
}
