using Microsoft.Data.Sqlite;
using SafeCallLogger.Analytics;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// Turns the raw group keys of the analytics SQL into the keys of the rows: a UTC quarter-hour into the local hour,
/// weekday or day of the filter's zone (<see cref="TimeZoneInfo.ConvertTime(DateTimeOffset, TimeZoneInfo)"/>, so
/// daylight-saving changes are the zone's own), a band number into its label; text stays as it is. Also orders the
/// rows the way <see cref="ICallAnalytics"/> promises. Not thread-safe: one per query.
/// </summary>
internal sealed class KeyFolder
{
    private static readonly string[] Hours = AnalyticsRules.Hours;

    private static readonly string[] Weekdays = AnalyticsRules.Weekdays;

    private static readonly TimeSpan QuarterHour = TimeSpan.FromMinutes(15);

    private readonly TimeZoneInfo _zone;
    private readonly string[] _bands;
    private readonly Dictionary<long, DateTime> _local = [];

    public KeyFolder(TimeZoneInfo zone, double[] edges)
    {
        _zone = zone;
        _bands = AnalyticsRules.RoiBandLabels(edges);
    }

    /// <summary>The keys a breakdown by <paramref name="by"/> always has, in their natural order; <see langword="null"/> when it has no fixed keys.</summary>
    public IReadOnlyList<string>? NaturalKeys(CallDimension? by) => AnalyticsRules.NaturalKeys(by, _bands);

    /// <summary>The row key of the raw key in column <paramref name="ordinal"/> of <paramref name="reader"/>.</summary>
    public string? Key(CallDimension? by, SqliteDataReader reader, int ordinal)
    {
        if (by is null || reader.IsDBNull(ordinal))
        {
            return null;
        }

        switch (by)
        {
            case CallDimension.RoiBand:
                return _bands[reader.GetInt32(ordinal)];
            case CallDimension.HourOfDay or CallDimension.Weekday:
                return Key(by.Value, reader.GetInt64(ordinal));
            default:
                return reader.GetString(ordinal);
        }
    }

    /// <summary>The row key in <paramref name="by"/> of a call sent in UTC quarter-hour <paramref name="quarterHour"/>, for <see cref="CallDimension.HourOfDay"/> and <see cref="CallDimension.Weekday"/>.</summary>
    public string? Key(CallDimension by, long? quarterHour) => quarterHour is not { } q ? null : by switch
    {
        CallDimension.HourOfDay => Hours[Local(q).Hour],
        CallDimension.Weekday => Weekdays[((int)Local(q).DayOfWeek + 6) % 7],
        _ => throw new ArgumentException($"{by} is not read from the time.", nameof(by)),
    };

    /// <summary>The key of ROI band number <paramref name="band"/> (0 is below the first edge).</summary>
    public string Band(long band) => _bands[band];

    /// <summary>Whether <paramref name="by"/> is read from the time (<see cref="Key(CallDimension, long?)"/>).</summary>
    public static bool IsTimeDimension(CallDimension? by) => by is CallDimension.HourOfDay or CallDimension.Weekday;

    /// <summary>The local day of a UTC quarter-hour in the filter's zone.</summary>
    public DateOnly Day(long quarterHour) => DateOnly.FromDateTime(Local(quarterHour));

    /// <summary>The local day of <paramref name="at"/> in the filter's zone.</summary>
    public DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, _zone).DateTime);

    /// <summary>The rows in the order <see cref="ICallAnalytics"/> promises (<see cref="AnalyticsRules.Order"/>).</summary>
    public List<TRow> Order<TRow>(CallDimension? by, Dictionary<string, TRow> rows, TRow? nullRow, Func<TRow, long> weight, Func<string, TRow> empty)
        where TRow : class => AnalyticsRules.Order(NaturalKeys(by), rows, nullRow, weight, empty);

    private DateTime Local(long quarterHour)
    {
        if (!_local.TryGetValue(quarterHour, out var local))
        {
            local = TimeZoneInfo.ConvertTime(DateTimeOffset.UnixEpoch + (QuarterHour * quarterHour), _zone).DateTime;
            _local[quarterHour] = local;
        }

        return local;
    }
}
