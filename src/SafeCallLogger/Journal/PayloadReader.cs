using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;

namespace SafeCallLogger.Journal;

/// <summary>
/// Reads the primitives of <see cref="OperationCodec"/>'s format. Every method returns <see langword="false"/> instead
/// of reading past the end, and checks a length against the bytes that remain before it allocates, so no input can
/// make it throw or ask for more memory than the payload's own size.
/// </summary>
internal ref struct PayloadReader(ReadOnlySpan<byte> payload)
{
    private const int MaxOffsetMinutes = 14 * 60;
    private readonly ReadOnlySpan<byte> _payload = payload;
    private int _position;

    public readonly bool AtEnd => _position == _payload.Length;

    private readonly int Remaining => _payload.Length - _position;

    public bool Byte(out byte value)
    {
        if (Remaining < 1)
        {
            value = 0;
            return false;
        }

        value = _payload[_position++];
        return true;
    }

    public bool Int16(out short value)
    {
        var ok = BinaryPrimitives.TryReadInt16LittleEndian(_payload[_position..], out value);
        _position += ok ? 2 : 0;
        return ok;
    }

    public bool Int32(out int value)
    {
        var ok = BinaryPrimitives.TryReadInt32LittleEndian(_payload[_position..], out value);
        _position += ok ? 4 : 0;
        return ok;
    }

    public bool Int64(out long value)
    {
        var ok = BinaryPrimitives.TryReadInt64LittleEndian(_payload[_position..], out value);
        _position += ok ? 8 : 0;
        return ok;
    }

    public bool Double(out double value)
    {
        var ok = Int64(out var bits);
        value = BitConverter.Int64BitsToDouble(bits);
        return ok;
    }

    public bool Guid(out Guid value)
    {
        if (Remaining < 16)
        {
            value = default;
            return false;
        }

        value = new Guid(_payload.Slice(_position, 16));
        _position += 16;
        return true;
    }

    /// <summary>A date whose UTC ticks, offset (whole minutes, at most ±14 hours) and local ticks are all in range.</summary>
    public bool Date(out DateTimeOffset value)
    {
        value = default;
        if (!Int64(out var utcTicks) || !Int16(out var minutes) || minutes < -MaxOffsetMinutes || minutes > MaxOffsetMinutes)
        {
            return false;
        }

        var offsetTicks = minutes * TimeSpan.TicksPerMinute;
        const long MaxTicks = 3_155_378_975_999_999_999; // DateTime.MaxValue.Ticks
        if (utcTicks < 0 || utcTicks > MaxTicks || utcTicks + offsetTicks < 0 || utcTicks + offsetTicks > MaxTicks)
        {
            return false;
        }

        value = new DateTimeOffset(utcTicks + offsetTicks, new TimeSpan(offsetTicks));
        return true;
    }

    public bool Odds(out Odds value)
    {
        value = default;
        if (!Double(out var number) || !Byte(out var format) || !System.Enum.IsDefined((OddsFormat)format))
        {
            return false;
        }

        value = SafeCallLogger.Odds.Create(number, (OddsFormat)format);
        return true;
    }

    /// <summary>The inverse of <see cref="PayloadWriter.String"/>: valid UTF-8, or UTF-16LE that does hold a lone surrogate.</summary>
    public bool String(out string? value)
    {
        value = null;
        if (!Varint(out var prefix))
        {
            return false;
        }

        if (prefix == 0)
        {
            return true;
        }

        var byteCount = (int)((prefix - 1) >> 1);
        var utf16 = ((prefix - 1) & 1) == 1;
        if (byteCount > Remaining)
        {
            return false;
        }

        var bytes = _payload.Slice(_position, byteCount);
        if (!utf16)
        {
            if (!Utf8.IsValid(bytes))
            {
                return false;
            }

            value = Encoding.UTF8.GetString(bytes);
        }
        else
        {
            // Only a string UTF-8 cannot carry is written this way; anything else is not a payload the writer makes.
            if (byteCount % 2 != 0 || !HasLoneSurrogate(bytes))
            {
                return false;
            }

            value = ReadUtf16(bytes);
        }

        _position += byteCount;
        return true;
    }

    /// <summary>The inverse of <see cref="PayloadWriter.Longs"/>; the count is bounded by the bytes that remain.</summary>
    public bool Longs(out long[]? values)
    {
        values = null;
        if (!Varint(out var prefix))
        {
            return false;
        }

        if (prefix == 0)
        {
            return true;
        }

        var count = (int)(prefix - 1);
        if (count > Remaining / 8)
        {
            return false;
        }

        var bytes = _payload.Slice(_position, count * 8);
        values = new long[count];
        if (BitConverter.IsLittleEndian)
        {
            bytes.CopyTo(MemoryMarshal.AsBytes(values.AsSpan()));
        }
        else
        {
            for (var i = 0; i < count; i++)
            {
                values[i] = BinaryPrimitives.ReadInt64LittleEndian(bytes[(i * 8)..]);
            }
        }

        _position += count * 8;
        return true;
    }

    /// <summary>A minimal varint of at most 5 bytes whose value is at most <see cref="int.MaxValue"/>.</summary>
    public bool Varint(out uint value)
    {
        value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (!Byte(out var b))
            {
                return false;
            }

            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                // A last byte of 0 after the first is a padded encoding the writer never makes; 5 bytes can overflow.
                return (b != 0 || shift == 0) && (shift < 28 || b < 0x08);
            }
        }

        return false;
    }

    private static bool HasLoneSurrogate(ReadOnlySpan<byte> utf16)
    {
        for (var i = 0; i < utf16.Length; i += 2)
        {
            var c = (char)BinaryPrimitives.ReadUInt16LittleEndian(utf16[i..]);
            if (char.IsHighSurrogate(c) && i + 2 < utf16.Length && char.IsLowSurrogate((char)BinaryPrimitives.ReadUInt16LittleEndian(utf16[(i + 2)..])))
            {
                i += 2;
            }
            else if (char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    private static string ReadUtf16(ReadOnlySpan<byte> utf16)
    {
        if (BitConverter.IsLittleEndian)
        {
            return new string(MemoryMarshal.Cast<byte, char>(utf16));
        }

        var chars = new char[utf16.Length / 2];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)BinaryPrimitives.ReadUInt16LittleEndian(utf16[(i * 2)..]);
        }

        return new string(chars);
    }
}
