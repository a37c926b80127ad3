using System.Buffers.Binary;

namespace SafeCallLogger.Journal;

/// <summary>
/// The byte layout of one journal record, all integers little-endian:
/// <code>
/// offset size field
///      0    4 magic           0x314A4353 ("SCJ1" in file order), so a scan can find the next record after damage
///      4    4 payload length  bytes of UTF-8 JSON that follow the header, 0..MaxPayloadBytes
///      8    4 checksum        CRC-32C of bytes 12 .. end of payload (every field below and the payload)
///     12    8 sequence        monotonic, starting at 1, never reused (the checkpoint keeps it rising across deletes)
///     20   16 operation id    Guid.TryWriteBytes layout
///     36    8 appended at     UTC ticks from the journal's TimeProvider, for the age of the oldest pending record
///     44    n payload         OperationJson of the CallOperation
/// </code>
/// The length is outside the checksum but bounded and cross-checked by it: a wrong length makes the checksum fail.
/// </summary>
internal static class RecordFormat
{
    public const uint Magic = 0x314A4353;
    public const int HeaderSize = 44;
    public const int MaxPayloadBytes = 16 * 1024 * 1024;
    private const int ChecksummedFrom = 12;

    public static void WriteHeader(Span<byte> header, long sequence, Guid operationId, long appendedAtTicks, ReadOnlySpan<byte> payload)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(header, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], payload.Length);
        BinaryPrimitives.WriteInt64LittleEndian(header[12..], sequence);
        operationId.TryWriteBytes(header.Slice(20, 16));
        BinaryPrimitives.WriteInt64LittleEndian(header[36..], appendedAtTicks);
        var crc = Crc32C.Append(uint.MaxValue, header[ChecksummedFrom..HeaderSize]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], ~Crc32C.Append(crc, payload));
    }

    /// <summary>Whether a whole, valid record starts at <paramref name="offset"/>; never throws on any bytes.</summary>
    public static bool TryRead(ReadOnlySpan<byte> buffer, int offset, out RecordHeader header)
    {
        header = default;
        var rest = buffer[offset..];
        if (rest.Length < HeaderSize || BinaryPrimitives.ReadUInt32LittleEndian(rest) != Magic)
        {
            return false;
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(rest[4..]);
        if (length < 0 || length > MaxPayloadBytes || length > rest.Length - HeaderSize)
        {
            return false;
        }

        var stored = BinaryPrimitives.ReadUInt32LittleEndian(rest[8..]);
        if (Crc32C.Compute(rest[ChecksummedFrom..(HeaderSize + length)]) != stored)
        {
            return false;
        }

        header = new RecordHeader(
            offset,
            length,
            BinaryPrimitives.ReadInt64LittleEndian(rest[12..]),
            new Guid(rest.Slice(20, 16)),
            BinaryPrimitives.ReadInt64LittleEndian(rest[36..]));
        return true;
    }
}

/// <summary>A validated record's fields and where it sits in its segment.</summary>
internal readonly record struct RecordHeader(int Offset, int PayloadLength, long Sequence, Guid OperationId, long AppendedAtTicks)
{
    public int TotalLength => RecordFormat.HeaderSize + PayloadLength;
}
