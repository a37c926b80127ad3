using System.Buffers.Binary;

namespace SafeCallLogger.Journal;

/// <summary>
/// The byte layout of one journal record, all integers little-endian:
/// <code>
/// offset size field
///      0    4 magic           0x314A4353 ("SCJ1" in file order), so a scan can find the next record after damage
///      4    4 payload length  bytes of payload that follow the header, 0..MaxPayloadBytes
///      8    4 checksum        CRC-32C of the payload, continued over bytes 12..43 (every header field below)
///     12    8 sequence        monotonic, starting at 1, never reused (the checkpoint keeps it rising across deletes)
///     20   16 operation id    Guid.TryWriteBytes layout
///     36    8 appended at     UTC ticks from the journal's TimeProvider, for the age of the oldest pending record
///     44    n payload         OperationCodec encoding of the CallOperation
/// </code>
/// The payload is checksummed first so an appender computes that (large) part outside the journal's lock and only the
/// 32 header bytes under it. The length is outside the checksum but bounded and cross-checked by it: a wrong length
/// makes the checksum fail. A segment file is preallocated and zero-filled, so the bytes after its last record are
/// zeros (never a valid magic) until the next record is copied in.
/// </summary>
internal static class RecordFormat
{
    public const uint Magic = 0x314A4353;
    public const int HeaderSize = 44;
    public const int MaxPayloadBytes = 16 * 1024 * 1024;
    private const int ChecksummedFrom = 12;

    /// <summary>The running (not yet inverted) checksum of a payload, to pass to <see cref="WriteHeader"/>.</summary>
    public static uint PayloadChecksum(ReadOnlySpan<byte> payload) => Crc32C.Append(uint.MaxValue, payload);

    public static void WriteHeader(Span<byte> header, long sequence, Guid operationId, long appendedAtTicks, int payloadLength, uint payloadChecksum)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(header, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], payloadLength);
        BinaryPrimitives.WriteInt64LittleEndian(header[12..], sequence);
        operationId.TryWriteBytes(header.Slice(20, 16));
        BinaryPrimitives.WriteInt64LittleEndian(header[36..], appendedAtTicks);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], ~Crc32C.Append(payloadChecksum, header[ChecksummedFrom..HeaderSize]));
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
        var crc = PayloadChecksum(rest.Slice(HeaderSize, length));
        if (~Crc32C.Append(crc, rest[ChecksummedFrom..HeaderSize]) != stored)
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
