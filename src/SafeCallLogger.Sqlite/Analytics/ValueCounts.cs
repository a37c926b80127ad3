namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// The values of one group as SQL gave them, <c>GROUP BY</c> key and value with a count each (SQLite has no median):
/// enough for the count, the mean, the median, a percentile and the share above zero, and quarter-hours of the same
/// local hour merge by adding their lists.
/// </summary>
internal sealed class ValueCounts
{
    private readonly List<(double Value, long Count)> _values = [];
    private bool _sorted = true;

    public long Count { get; private set; }

    public double Sum { get; private set; }

    public long Positive { get; private set; }

    public double Mean => Count == 0 ? 0 : Sum / Count;

    public void Add(double value, long count)
    {
        if (_values.Count > 0 && value < _values[^1].Value)
        {
            _sorted = false;
        }

        _values.Add((value, count));
        Count += count;
        Sum += value * count;
        if (value > 0)
        {
            Positive += count;
        }
    }

    /// <summary>The median: the middle value, or the mean of the two middle values for an even count; 0 when empty.</summary>
    public double Median()
    {
        if (Count == 0)
        {
            return 0;
        }

        return Count % 2 == 1 ? AtRank((Count + 1) / 2) : (AtRank(Count / 2) + AtRank((Count / 2) + 1)) / 2;
    }

    /// <summary>The <paramref name="percent"/> percentile by nearest rank (the value at rank ⌈p/100 × n⌉); 0 when empty.</summary>
    public double Percentile(int percent) => Count == 0 ? 0 : AtRank(Math.Max(1, (long)Math.Ceiling(percent / 100.0 * Count)));

    /// <summary>The value at 1-based rank <paramref name="rank"/> in ascending order.</summary>
    private double AtRank(long rank)
    {
        if (!_sorted)
        {
            _values.Sort(static (a, b) => a.Value.CompareTo(b.Value));
            _sorted = true;
        }

        long seen = 0;
        foreach (var (value, count) in _values)
        {
            seen += count;
            if (seen >= rank)
            {
                return value;
            }
        }

        return _values[^1].Value;
    }
}
