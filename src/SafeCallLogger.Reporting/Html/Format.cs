using System.Globalization;

namespace SafeCallLogger.Reporting.Html;

/// <summary>
/// Every number the page shows or embeds, in the invariant culture whatever the machine's, and never NaN or
/// infinity: a non-finite value (which no query should give) is written as 0 rather than break a chart or a test.
/// </summary>
internal static class Format
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The exact value for a <c>data-value</c> attribute: round-trips through <see cref="double.Parse(string, IFormatProvider)"/>.</summary>
    public static string Data(double value) => Finite(value).ToString("R", Invariant);

    /// <summary>An integer count for a <c>data-value</c> attribute or a table cell.</summary>
    public static string Data(long value) => value.ToString(Invariant);

    /// <summary>A coordinate inside an SVG: two decimals are finer than any screen.</summary>
    public static string Coord(double value) => Math.Round(Finite(value), 2).ToString("0.##", Invariant);

    /// <summary>A count for people: <c>12,345</c>.</summary>
    public static string Count(long value) => value.ToString("#,0", Invariant);

    /// <summary>A rate from 0 to 1 as a percentage: <c>12.3%</c>.</summary>
    public static string Rate(double rate) => (Finite(rate) * 100).ToString("0.0", Invariant) + "%";

    /// <summary>A value already in percent: <c>-1.25%</c>.</summary>
    public static string Percent(double percent) => Finite(percent).ToString("0.00", Invariant) + "%";

    /// <summary>A value already in percent, or a dash when there is none.</summary>
    public static string Percent(double? percent) => percent is { } value ? Percent(value) : "–";

    /// <summary>Money, signed: <c>+12.50</c>, <c>-3.00</c>.</summary>
    public static string Money(double value)
    {
        var finite = Math.Round(Finite(value), 2);
        return (finite > 0 ? "+" : string.Empty) + finite.ToString("#,0.00", Invariant);
    }

    /// <summary>An axis tick: <c>0</c>, <c>2.5</c>, <c>-40</c>, <c>12k</c>, <c>1.5M</c>.</summary>
    public static string Compact(double value)
    {
        var finite = Finite(value);
        var size = Math.Abs(finite);
        return size >= 1_000_000 ? (finite / 1_000_000).ToString("0.##", Invariant) + "M"
            : size >= 10_000 ? (finite / 1_000).ToString("0.##", Invariant) + "k"
            : finite.ToString("0.##", Invariant);
    }

    /// <summary>A short duration: <c>45s</c>, <c>12m 05s</c>, <c>3h 20m</c>, <c>2d 4h</c>; a dash when there is none.</summary>
    public static string Duration(TimeSpan? duration)
    {
        if (duration is not { } value)
        {
            return "–";
        }

        var sign = value < TimeSpan.Zero ? "-" : string.Empty;
        value = value.Duration();
        if (value.TotalMinutes < 1)
        {
            return sign + ((int)value.TotalSeconds).ToString(Invariant) + "s";
        }

        if (value.TotalHours < 1)
        {
            return sign + value.Minutes.ToString(Invariant) + "m " + value.Seconds.ToString("00", Invariant) + "s";
        }

        return value.TotalDays < 1
            ? sign + ((int)value.TotalHours).ToString(Invariant) + "h " + value.Minutes.ToString("00", Invariant) + "m"
            : sign + ((int)value.TotalDays).ToString(Invariant) + "d " + value.Hours.ToString(Invariant) + "h";
    }

    /// <summary>A moment in the report's zone: <c>2026-12-01 14:05 (+01:00)</c>.</summary>
    public static string Moment(DateTimeOffset moment, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(moment, zone);
        return local.ToString("yyyy-MM-dd HH:mm", Invariant) + " (UTC" + local.ToString("zzz", Invariant) + ")";
    }

    /// <summary>A day as its ISO date: <c>2026-12-01</c>.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", Invariant);

    private static double Finite(double value) => double.IsFinite(value) ? value : 0;
}
