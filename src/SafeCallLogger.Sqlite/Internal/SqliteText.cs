using System.Globalization;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>How values are written as text: timestamps as fixed-width ISO 8601 UTC, so that text order is time order in the sqlite3 shell.</summary>
internal static class SqliteText
{
    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    public static object Timestamp(DateTimeOffset? value) =>
        value is { } v ? Timestamp(v) : DBNull.Value;

    public static bool TryParseTimestamp(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
}
