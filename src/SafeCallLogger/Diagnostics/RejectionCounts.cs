using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace SafeCallLogger.Diagnostics;

/// <summary>
/// <see cref="CallLoggerHealth.RejectedByReason"/> as the health record prints it: a dictionary's own
/// <see cref="object.ToString"/> is its type name, which told an operator reading a logged health snapshot nothing.
/// Wraps the counts without copying them.
/// </summary>
internal sealed class RejectionCounts(IReadOnlyDictionary<RejectionReason, long> counts) : IReadOnlyDictionary<RejectionReason, long>
{
    public int Count => counts.Count;

    public IEnumerable<RejectionReason> Keys => counts.Keys;

    public IEnumerable<long> Values => counts.Values;

    public long this[RejectionReason key] => counts[key];

    public static IReadOnlyDictionary<RejectionReason, long> Wrap(IReadOnlyDictionary<RejectionReason, long> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return counts as RejectionCounts ?? new RejectionCounts(counts);
    }

    public bool ContainsKey(RejectionReason key) => counts.ContainsKey(key);

    public bool TryGetValue(RejectionReason key, [MaybeNullWhen(false)] out long value) => counts.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<RejectionReason, long>> GetEnumerator() => counts.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The counts in reason order, as a record prints its members: <c>{ InvalidOdds = 3, MissingTeam = 1 }</c>, or <c>{ }</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("{ ");
        foreach (var (reason, count) in counts.OrderBy(pair => pair.Key))
        {
            text.Append(CultureInfo.InvariantCulture, $"{reason} = {count}, ");
        }

        if (counts.Count > 0)
        {
            text.Length -= 2;
            text.Append(' ');
        }

        return text.Append('}').ToString();
    }
}
