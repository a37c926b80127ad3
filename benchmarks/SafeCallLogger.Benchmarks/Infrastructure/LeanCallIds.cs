using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Text;

namespace SafeCallLogger.Benchmarks.Infrastructure;

/// <summary>
/// A prototype of <see cref="CallIds.Compute(string?, string?, string?, string?, Odds, Odds, DateTimeOffset)"/> for
/// the report: the same recipe and output, with the key buffer sized to the input and not zeroed
/// (<see cref="SkipLocalsInitAttribute"/>) instead of a zeroed 1,024-byte stackalloc on every call.
/// </summary>
public static class LeanCallIds
{
    [SkipLocalsInit]
    public static string Compute(string teamA, string teamB, string bookmakerA, string bookmakerB, Odds oddsA, Odds oddsB, DateTimeOffset sentAt)
    {
        var maxBytes = Encoding.UTF8.GetMaxByteCount(teamA.Length + teamB.Length + bookmakerA.Length + bookmakerB.Length) + 40;
        var key = maxBytes <= 1024 ? stackalloc byte[maxBytes] : new byte[maxBytes];
        var used = 0;
        used += WriteString(key[used..], teamA);
        used += WriteString(key[used..], teamB);
        used += WriteString(key[used..], bookmakerA);
        used += WriteString(key[used..], bookmakerB);
        BinaryPrimitives.WriteInt64LittleEndian(key[used..], OddsKey(oddsA));
        BinaryPrimitives.WriteInt64LittleEndian(key[(used + 8)..], OddsKey(oddsB));
        var seconds = sentAt.ToUnixTimeSeconds();
        BinaryPrimitives.WriteInt64LittleEndian(key[(used + 16)..], seconds >= 0 ? seconds / 3600 : ((seconds + 1) / 3600) - 1);
        used += 24;
        return string.Create(16, XxHash64.HashToUInt64(key[..used]), static (span, h) => h.TryFormat(span, out _, "x16", CultureInfo.InvariantCulture));
    }

    private static int WriteString(Span<byte> destination, string value)
    {
        var written = Encoding.UTF8.GetBytes(value, destination[4..]);
        BinaryPrimitives.WriteInt32LittleEndian(destination, written);
        return written + 4;
    }

    private static long OddsKey(Odds odds)
    {
        var value = odds.DecimalValue;
        return double.IsFinite(value) && Math.Abs(value) < 1e14 ? (long)Math.Round(value * 10_000, MidpointRounding.AwayFromZero) : 0;
    }
}
