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
}
