using System.Globalization;

namespace SafeCallLogger.Analytics;

/// <summary>
/// The parts of the <see cref="ICallAnalytics"/> contract that do not depend on the storage, written once for every
/// store: which filters and dimensions are accepted, and the keys of the ROI bands.
/// </summary>
internal static class AnalyticsRules
{
    /// <summary>
    /// Checks <paramref name="filter"/> and <paramref name="by"/> as every store does and returns the ROI band edges.
    /// Throws <see cref="ArgumentException"/> for an unknown dimension, no edges, edges not finite and strictly
    /// ascending, or <see cref="AnalyticsFilter.Until"/> before <see cref="AnalyticsFilter.Since"/>.
    /// </summary>
    public static double[] CheckedEdges(AnalyticsFilter filter, CallDimension? by)
    {
        if (by is { } dimension && !Enum.IsDefined(dimension))
        {
            throw new ArgumentException($"Unknown dimension {dimension}.", nameof(by));
        }

        var edges = (filter.RoiBands ?? AnalyticsFilter.DefaultRoiBands).ToArray();
        if (edges.Length == 0)
        {
            throw new ArgumentException("ROI bands need at least one edge.", nameof(filter));
        }

        for (var i = 0; i < edges.Length; i++)
        {
            if (!double.IsFinite(edges[i]) || (i > 0 && edges[i] <= edges[i - 1]))
            {
                throw new ArgumentException($"ROI band edges must be finite and strictly ascending; got [{string.Join(", ", edges.Select(static e => e.ToString(CultureInfo.InvariantCulture)))}].", nameof(filter));
            }
        }

        if (filter.Since is { } since && filter.Until is { } until && until < since)
        {
            throw new ArgumentException($"Until ({until:O}) is before Since ({since:O}).", nameof(filter));
        }

        return edges;
    }

    /// <summary>The keys of the bands of <paramref name="edges"/> (<see cref="CallDimension.RoiBand"/>): <c>&lt;0%</c>, <c>0-1%</c>, ..., <c>10%+</c>.</summary>
    public static string[] RoiBandLabels(double[] edges)
    {
        static string F(double v) => v.ToString(CultureInfo.InvariantCulture);
        var labels = new string[edges.Length + 1];
        labels[0] = $"<{F(edges[0])}%";
        for (var i = 1; i < edges.Length; i++)
        {
            labels[i] = $"{F(edges[i - 1])}-{F(edges[i])}%";
        }

        labels[^1] = $"{F(edges[^1])}%+";
        return labels;
    }

    /// <summary>The keys of <see cref="CallDimension.HourOfDay"/>: <c>"00"</c> to <c>"23"</c>.</summary>
    public static readonly string[] Hours = [.. Enumerable.Range(0, 24).Select(static h => h.ToString("00", CultureInfo.InvariantCulture))];

    /// <summary>The keys of <see cref="CallDimension.Weekday"/>, Monday first.</summary>
    public static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    /// <summary>The keys a breakdown by <paramref name="by"/> always has, in their natural order (<paramref name="bands"/> for ROI bands); <see langword="null"/> when it has none.</summary>
    public static IReadOnlyList<string>? NaturalKeys(CallDimension? by, IReadOnlyList<string> bands) => by switch
    {
        CallDimension.RoiBand => bands,
        CallDimension.HourOfDay => Hours,
        CallDimension.Weekday => Weekdays,
        _ => null,
    };

    /// <summary>
    /// The rows of a breakdown in the order <see cref="ICallAnalytics"/> promises: with <paramref name="natural"/> keys,
    /// every one in that order (a missing one made by <paramref name="empty"/>), then the row without a value if any;
    /// otherwise the heaviest first, then by key (ordinal), the row without a value last among equals.
    /// </summary>
    public static List<TRow> Order<TRow>(IReadOnlyList<string>? natural, IReadOnlyDictionary<string, TRow> rows, TRow? nullRow, Func<TRow, long> weight, Func<string, TRow> empty)
        where TRow : class
    {
        List<TRow> ordered;
        if (natural is not null)
        {
            ordered = [.. natural.Select(k => rows.TryGetValue(k, out var row) ? row : empty(k))];
            if (nullRow is not null)
            {
                ordered.Add(nullRow);
            }

            return ordered;
        }

        var keyed = rows.OrderByDescending(p => weight(p.Value)).ThenBy(static p => p.Key, StringComparer.Ordinal).ToList();
        ordered = [.. keyed.Select(static p => p.Value)];
        if (nullRow is not null)
        {
            var at = keyed.FindIndex(p => weight(p.Value) < weight(nullRow));
            ordered.Insert(at < 0 ? ordered.Count : at, nullRow);
        }

        return ordered;
    }

    /// <summary>User preference rows in the promised order: by user, then most notified first, the row without a value after the others of its count, then by key.</summary>
    public static List<UserPreferenceRow> OrderPreferences(IEnumerable<UserPreferenceRow> rows) =>
    [
        .. rows.OrderBy(static r => r.UserId)
            .ThenByDescending(static r => r.Notified)
            .ThenBy(static r => r.Key is null)
            .ThenBy(static r => r.Key, StringComparer.Ordinal),
    ];

    /// <summary>A duration in milliseconds as a <see cref="TimeSpan"/>, to the nearest tick.</summary>
    public static TimeSpan Duration(double milliseconds) => TimeSpan.FromTicks((long)Math.Round(milliseconds * TimeSpan.TicksPerMillisecond));
}
