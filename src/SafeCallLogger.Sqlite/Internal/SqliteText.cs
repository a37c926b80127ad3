using System.Globalization;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// How values are written as text, and how times written by anyone are read back.
/// </summary>
/// <remarks>
/// We write SQLite's canonical text, UTC, fixed width: <c>YYYY-MM-DD HH:MM:SS.SSS</c>, what <c>datetime()</c>,
/// <c>strftime('%Y-%m-%d %H:%M:%f')</c> and <c>CURRENT_TIMESTAMP</c> (without the fraction) write, so text order,
/// <c>datetime('now', …)</c> comparisons and rows from the shell or Python's sqlite3 module all agree. Readers accept
/// every form a date function of SQLite reads (with or without fraction, <c>T</c> or space, <c>Z</c> or an offset)
/// and numbers: a Julian day number in SQLite's range, Unix epoch milliseconds when too large for seconds, otherwise
/// Unix epoch seconds.
/// </remarks>
internal static class SqliteText
{
    public const string TimestampFormat = "yyyy-MM-dd HH:mm:ss.fff";

    /// <summary>The exact form versions before schema 3 wrote (<c>2026-12-01T03:05:00.000Z</c>), as a GLOB pattern.</summary>
    public const string LegacyTimestampGlob = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z";

    /// <summary>The largest Julian day number SQLite's date functions read (9999-12-31).</summary>
    private const double MaxJulianDay = 5373484.5;

    /// <summary>From this magnitude on, a number is read as Unix epoch milliseconds (1973 in milliseconds, 5138 in seconds).</summary>
    private const double EpochMillisecondsFrom = 100_000_000_000;

    internal const double UnixEpochJulianDay = 2440587.5;

    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    public static object Timestamp(DateTimeOffset? value) =>
        value is { } v ? Timestamp(v) : DBNull.Value;

    /// <summary>The date part (<c>YYYY-MM-DD</c>) of <paramref name="value"/> in UTC: a text bound that sorts before every form of any later time.</summary>
    public static string Date(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Reads a stored time in any form described in the remarks; <see langword="false"/> for NULL or unreadable values.</summary>
    public static bool TryParseTimestamp(object? stored, out DateTimeOffset value)
    {
        switch (stored)
        {
            case long l:
                return TryFromNumber(l, out value);
            case double d:
                return TryFromNumber(d, out value);
            case string s:
                return TryParseTimestamp(s, out value);
            default:
                value = default;
                return false;
        }
    }

    /// <summary>Reads a stored time in any form described in the remarks; <see langword="false"/> for NULL or unreadable text.</summary>
    public static bool TryParseTimestamp(string? text, out DateTimeOffset value)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            value = default;
            return false;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return TryFromNumber(number, out value);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }

    /// <summary>
    /// SQL for the Julian day of the time in <paramref name="column"/>, whatever its form (see the remarks); NULL when
    /// no date function can read it. Compare times with it, never the text.
    /// </summary>
    public static string JulianDaySql(string column) =>
        $"(CASE WHEN typeof({column}) IN ('integer', 'real') THEN {NumericJulianDaySql(column)} ELSE julianday({column}) END)";

    /// <summary>SQL for the time in <paramref name="column"/> in our canonical form; the stored value as is when no date function can read it.</summary>
    public static string CanonicalSql(string column) =>
        $"COALESCE(strftime('%Y-%m-%d %H:%M:%f', {JulianDaySql(column)}), {column})";

    /// <summary>The Julian day of a numeric time (Julian day, Unix seconds or Unix milliseconds), as SQL.</summary>
    public static string NumericJulianDaySql(string column) => string.Create(
        CultureInfo.InvariantCulture,
        $"(CASE WHEN {column} BETWEEN 0 AND {MaxJulianDay} THEN julianday({column}) WHEN abs({column}) >= {EpochMillisecondsFrom} THEN julianday({column} / 1000.0, 'unixepoch') ELSE julianday({column}, 'unixepoch') END)");

    private static bool TryFromNumber(double number, out DateTimeOffset value)
    {
        value = default;
        if (!double.IsFinite(number))
        {
            return false;
        }

        double seconds;
        if (number is >= 0 and <= MaxJulianDay)
        {
            seconds = (number - UnixEpochJulianDay) * 86_400;
        }
        else
        {
            seconds = Math.Abs(number) >= EpochMillisecondsFrom ? number / 1000 : number;
        }

        // DateTimeOffset's range: year 1 to 9999.
        if (seconds is < -62_135_596_800 or > 253_402_300_799)
        {
            return false;
        }

        value = DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond / 10_000) * 10_000);
        return true;
    }
}
