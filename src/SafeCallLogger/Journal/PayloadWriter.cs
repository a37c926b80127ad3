using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;

namespace SafeCallLogger.Journal;

/// <summary>
/// Writes the primitives of <see cref="OperationCodec"/>'s format into a span that the codec has already sized to the
/// worst case (<see cref="StringBound"/> and the fixed sizes), so no write here checks for room beyond the span's own
/// bounds check.
/// </summary>
internal ref struct PayloadWriter(Span<byte> buffer)
{
    private readonly Span<byte> _buffer = buffer;
    private int _position;

    public readonly int Position => _position;

    /// <summary>The most bytes <see cref="String"/> writes for a string of <paramref name="length"/> UTF-16 units.</summary>
    /// <remarks>Up to 3 UTF-8 bytes per unit (2 for the UTF-16 fallback), and a prefix of at most 10 bytes.</remarks>
    public static long StringBound(int length) => (3L * length) + 10;

    public void Byte(byte value) => _buffer[_position++] = value;

    /// <summary>An enum as one byte: a value outside 0..254 becomes 255, which no enum of the model defines.</summary>
    public void Enum(int value) => _buffer[_position++] = (uint)value < 255 ? (byte)value : (byte)255;

    public void Int16(short value)
    {
        BinaryPrimitives.WriteInt16LittleEndian(_buffer[_position..], value);
        _position += 2;
    }

    public void Int32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_buffer[_position..], value);
        _position += 4;
    }

    public void Int64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_buffer[_position..], value);
        _position += 8;
    }

    /// <summary>The IEEE 754 bits, little-endian: NaN payloads and -0.0 survive.</summary>
    public void Double(double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(_buffer[_position..], value);
        _position += 8;
    }

    public void Guid(Guid value)
    {
        _ = value.TryWriteBytes(_buffer.Slice(_position, 16));
        _position += 16;
    }

    /// <summary>UTC ticks, then the offset in whole minutes (a <see cref="DateTimeOffset"/> has no finer offset).</summary>
    public void Date(DateTimeOffset value)
    {
        Int64(value.UtcTicks);
        Int16((short)(value.Offset.Ticks / TimeSpan.TicksPerMinute));
    }

    public void Odds(Odds value)
    {
        Double(value.Value);
        Enum((int)value.Format);
    }

    /// <summary>
    /// A varint prefix (0 for <see langword="null"/>, otherwise <c>(byteCount &lt;&lt; 1 | utf16) + 1</c>) and the text:
    /// UTF-8, or UTF-16LE when the string holds a lone surrogate that UTF-8 cannot carry, so every string comes back
    /// exactly as it was.
    /// </summary>
    public void String(string? value)
    {
        if (value is null)
        {
            _buffer[_position++] = 0;
            return;
        }

        // Reserve the prefix for the longest text, write the text after it, then close the gap if the prefix came out
        // shorter: one pass over the string instead of counting its bytes first. The gap only opens near a size where
        // the prefix gains a byte (a 43 to 127 character string, say), and closing it is a short memmove.
        var reserved = VarintSize((6UL * (uint)value.Length) + 2);
        var text = _buffer[(_position + reserved)..];
        ulong prefix;
        int written;
        // The ASCII pass first: most text is ASCII, and it costs less to start than the UTF-8 transcoder, which then
        // carries on from the first non-ASCII character (ASCII is one byte a character, so the indexes agree).
        var status = Ascii.FromUtf16(value, text, out written);
        if (status != OperationStatus.Done)
        {
            status = Utf8.FromUtf16(value.AsSpan(written), text[written..], out _, out var rest, replaceInvalidSequences: false);
            written += rest;
        }

        if (status == OperationStatus.Done)
        {
            prefix = ((ulong)(uint)written << 1) + 1;
        }
        else
        {
            written = value.Length * 2;
            WriteUtf16(value, text);
            prefix = (((ulong)(uint)written << 1) | 1) + 1;
        }

        var size = VarintSize(prefix);
        if (size < reserved)
        {
            text[..written].CopyTo(_buffer[(_position + size)..]);
        }

        Varint(prefix);
        _position += written;
    }

    /// <summary>A varint of <c>count + 1</c> (0 for <see langword="null"/>), then each id as 8 bytes little-endian.</summary>
    public void Longs(IReadOnlyList<long>? values)
    {
        if (values is null)
        {
            _buffer[_position++] = 0;
            return;
        }

        var count = values.Count;
        Varint((ulong)(uint)count + 1);
        if (values is long[] array && BitConverter.IsLittleEndian)
        {
            MemoryMarshal.AsBytes(array.AsSpan(0, count)).CopyTo(_buffer[_position..]);
            _position += count * 8;
            return;
        }

        for (var i = 0; i < count; i++)
        {
            Int64(values[i]);
        }
    }

    public void Varint(ulong value)
    {
        while (value >= 0x80)
        {
            _buffer[_position++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _buffer[_position++] = (byte)value;
    }

    private static int VarintSize(ulong value)
    {
        var size = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            size++;
        }

        return size;
    }

    private static void WriteUtf16(string value, Span<byte> destination)
    {
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.AsBytes(value.AsSpan()).CopyTo(destination);
            return;
        }

        for (var i = 0; i < value.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(destination[(i * 2)..], value[i]);
        }
    }
}
