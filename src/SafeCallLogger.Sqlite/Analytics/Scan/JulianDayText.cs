namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// SQLite's <c>julianday()</c> of a time written in our canonical text (<c>YYYY-MM-DD HH:MM:SS.SSS</c>, or without
/// the fraction; <c>T</c> for the space and a trailing <c>Z</c> are read too), computed here rather than by SQLite's
/// date parser, which was 7 % of a 1,000,000-call report's CPU (4,200,000 times, mostly the notified rows). The
/// result is bit for bit SQLite's: the whole milliseconds of its <c>computeJD</c> divided as <c>juliandayFunc</c>
/// divides them (a test compares the two over random and edge times). Any other text is left to SQLite
/// (<see cref="RawRows.JulianDay"/>).
/// </summary>
internal static class JulianDayText
{
    /// <summary>The largest time SQLite's date functions hold, in milliseconds of Julian day (9999-12-31 23:59:59.999).</summary>
    private const long MaxMilliseconds = 464_269_060_799_999;

    /// <summary>The Julian day of <paramref name="text"/> as <c>julianday()</c> gives it, when the text is in a form read here.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out double julianDay)
    {
        julianDay = 0;
        if (text.Length > 0 && text[^1] is (byte)'Z' or (byte)'z')
        {
            text = text[..^1];
        }

        if (text.Length is not (19 or 23)
            || text[4] != '-' || text[7] != '-' || text[10] is not ((byte)' ' or (byte)'T') || text[13] != ':' || text[16] != ':'
            || (text.Length == 23 && text[19] != '.'))
        {
            return false;
        }

        // The limits of SQLite's getDigits: month 1-12, day 1-31 (not checked against the month), hour 0-24, minute and second 0-59.
        if (!Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day)
            || !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute) || !Digits(text, 17, 2, out var second)
            || month is < 1 or > 12 || day is < 1 or > 31 || hour > 24 || minute > 59 || second > 59)
        {
            return false;
        }

        var millisecond = 0;
        if (text.Length == 23 && !Digits(text, 20, 3, out millisecond))
        {
            return false;
        }

        var milliseconds = DayMilliseconds(year, month, day) + (hour * 3_600_000L) + (minute * 60_000L) + (second * 1000L) + millisecond;
        if (milliseconds > MaxMilliseconds)
        {
            return false;
        }

        julianDay = milliseconds / 86_400_000.0;
        return true;
    }

    // computeJD's date part, integer for integer (C's and C#'s integer divisions both truncate toward zero, as for year -1).
    private static long DayMilliseconds(int year, int month, int day)
    {
        if (month <= 2)
        {
            year--;
            month += 12;
        }

        var a = year / 100;
        var b = 2 - a + (a / 4);
        var x1 = 36525 * (year + 4716) / 100;
        var x2 = 306001 * (month + 1) / 10000;
        return (long)((x1 + x2 + day + b - 1524.5) * 86_400_000);
    }

    private static bool Digits(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        foreach (var c in text.Slice(start, count))
        {
            var digit = c - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}
