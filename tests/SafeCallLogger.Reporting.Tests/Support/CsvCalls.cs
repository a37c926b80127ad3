using System.Globalization;
using System.Text;

namespace SafeCallLogger.Reporting.Tests.Support;

/// <summary>The CSV export read with a small RFC 4180 parser of its own, as an operator's script would: one dictionary per call, by column name; a record with another number of fields than the header fails the test.</summary>
internal static class CsvCalls
{
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Parse(string csv)
    {
        var records = Records(csv).ToList();
        var header = records[0];
        var malformed = records.Select((record, line) => (record, line)).Skip(1).FirstOrDefault(r => r.record.Count != header.Count);
        Assert.True(malformed.record is null, $"CSV record {malformed.line + 1} has {malformed.record?.Count} fields, the header {header.Count}");

        // The report leaves out the self-test's calls (data_source ml_test), as every analytics query does.
        return records.Skip(1)
            .Select(record => (IReadOnlyDictionary<string, string>)header.Select((name, i) => (name, record[i])).ToDictionary(p => p.name, p => p.Item2))
            .Where(call => call["data_source"] != "ml_test")
            .ToList();
    }

    public static long Long(this IReadOnlyDictionary<string, string> call, string column) =>
        call[column].Length == 0 ? 0 : (long)double.Parse(call[column], CultureInfo.InvariantCulture);

    public static double? Double(this IReadOnlyDictionary<string, string> call, string column) =>
        call[column].Length == 0 ? null : double.Parse(call[column], CultureInfo.InvariantCulture);

    private static IEnumerable<List<string>> Records(string csv)
    {
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                record.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                yield return record;
                record = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            yield return record;
        }
    }
}
