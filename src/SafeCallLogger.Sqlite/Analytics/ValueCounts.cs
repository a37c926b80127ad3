namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// The values of one group with a count each (SQLite has no median): enough for the count, the mean, the median, a
/// percentile and the share above zero. Values may come one by one (the one-pass answers) or already counted (a
/// <c>GROUP BY</c> key and value, quarter-hours of one local hour merged): equal values are counted together and the
/// sum is taken in ascending value order, so both give the same figures to the last bit.
/// </summary>
internal sealed class ValueCounts
{
    private readonly Dictionary<double, long> _counts = [];
    private (double Value, long Count)[]? _sorted;
    private double _sum;

    public long Count { get; private set; }

    public long Positive { get; private set; }

    public double Mean => Count == 0 ? 0 : Sorted(out _) / Count;

    public void Add(double value, long count)
    {
        _counts[value] = _counts.GetValueOrDefault(value) + count;
        _sorted = null;
        Count += count;
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
        Sorted(out var values);
        long seen = 0;
        foreach (var (value, count) in values)
        {
            seen += count;
            if (seen >= rank)
            {
                return value;
            }
        }

        return values[^1].Value;
    }

    // The values in ascending order, and the sum of value × count taken in that order.
    private double Sorted(out (double Value, long Count)[] values)
    {
        if (_sorted is null)
        {
            _sorted = [.. _counts.Select(static p => (p.Key, p.Value)).OrderBy(static p => p.Key)];
            _sum = 0;
            foreach (var (value, count) in _sorted)
            {
                _sum += value * count;
            }
        }

        values = _sorted;
        return _sum;
    }
}
