using System.Text;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// The strings of one text column of the one-pass answers, decoded once per distinct value: a key column (a sport, a
/// bookmaker) holds few values over millions of calls, so each row costs a hash and a compare of its bytes instead of
/// a decode and an allocation, and equal values come back as the same instance (cheap to look up again).
/// </summary>
internal sealed class TextCache
{
    private const int Slots = 256;

    private readonly byte[]?[] _bytes = new byte[Slots][];
    private readonly string?[] _strings = new string[Slots];

    /// <summary>The string of <paramref name="utf8"/>.</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        var slot = (int)((uint)HashCode(utf8) % Slots);
        if (_bytes[slot] is { } known && utf8.SequenceEqual(known))
        {
            return _strings[slot]!;
        }

        var value = Encoding.UTF8.GetString(utf8);
        _bytes[slot] = utf8.ToArray();
        _strings[slot] = value;
        return value;
    }

    // FNV-1a: short keys, no allocation.
    private static int HashCode(ReadOnlySpan<byte> utf8)
    {
        var hash = 2166136261u;
        foreach (var b in utf8)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)hash;
    }
}
