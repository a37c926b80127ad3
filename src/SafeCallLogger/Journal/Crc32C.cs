using System.Buffers.Binary;
using System.Numerics;

namespace SafeCallLogger.Journal;

/// <summary>
/// CRC-32C (Castagnoli; initial value and final xor 0xFFFFFFFF, reflected), as Vector's disk buffer and iSCSI use.
/// System.IO.Hashing ships only CRC-32/ISO-HDLC and CRC-64, so this uses <see cref="BitOperations.Crc32C(uint, ulong)"/>,
/// which the runtime maps to the SSE4.2 / ARMv8 instruction and falls back to a table elsewhere: no dependency needed.
/// </summary>
internal static class Crc32C
{
    public static uint Compute(ReadOnlySpan<byte> data) => ~Append(uint.MaxValue, data);

    /// <summary>Continues a running CRC (not yet inverted), so a record's fields and payload need not be copied together.</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        while (data.Length >= sizeof(ulong))
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[sizeof(ulong)..];
        }

        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        return crc;
    }
}
