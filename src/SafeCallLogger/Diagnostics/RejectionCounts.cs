using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace SafeCallLogger.Diagnostics;

/// <summary>
/// <see cref="CallLoggerHealth.RejectedByReason"/> as the health record prints it: a dictionary's own
/// <see cref="object.ToString"/> is its type name, which told an operator reading a logged health snapshot nothing.
/// Wraps the counts without copying them.
/// </summary>
internal sealed class RejectionCounts(IReadOnlyDictionary<RejectionReason, long> counts) : IReadOnlyDictionary<RejectionReason, long>
{
    private readonly IReadOnlyDictionary<RejectionReason, long> _counts = counts;

    public int Count => _counts.Count;

    public IEnumerable<RejectionReason> Keys => _counts.Keys;

    public IEnumerable<long> Values => _counts.Values;

    public long this[RejectionReason key] => _counts[key];

    public static IReadOnlyDictionary<RejectionReason, long> Wrap(IReadOnlyDictionary<RejectionReason, long> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return counts as RejectionCounts ?? new RejectionCounts(counts);
    }

    public bool ContainsKey(RejectionReason key) => _counts.ContainsKey(key);

    public bool TryGetValue(RejectionReason key, [MaybeNullWhen(false)] out long value) => _counts.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<RejectionReason, long>> GetEnumerator() => _counts.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Equal when wrapping the same dictionary, so two health records built from one dictionary stay equal, as before the wrapper.</summary>
    public override bool Equals(object? obj) => obj is RejectionCounts other && ReferenceEquals(other._counts, _counts);

    /// <inheritdoc/>
    public override int GetHashCode() => RuntimeHelpers.GetHashCode(_counts);

    /// <summary>The counts in reason order, as a record prints its members: <c>{ InvalidOdds = 3, MissingTeam = 1 }</c>, or <c>{ }</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("{ ");
        foreach (var (reason, count) in _counts.OrderBy(pair => pair.Key))
        {
            text.Append(CultureInfo.InvariantCulture, $"{reason} = {count}, ");
        }

        if (_counts.Count > 0)
        {
            text.Length -= 2;
            text.Append(' ');
        }

        return text.Append('}').ToString();
    }
}
