using System.Buffers.Binary;
using System.Text;

namespace SafeCallLogger.Sqlite.Tests.Support;

/// <summary>
/// The records of a journal segment as the journal documents them (a 44-byte header starting with the magic "SCJ1"
/// and the payload length, then the operation's JSON), read from the bytes by the test itself, so it can damage
/// exactly one record: a flipped byte, or the last record cut in half. It reads records from the start of the file
/// while a header parses; the checksum is the journal's business.
/// </summary>
internal static class JournalSegmentFile
{
    private const int HeaderSize = 44;
    private static readonly byte[] Magic = "SCJ1"u8.ToArray();

    public readonly record struct Record(int Offset, int Length, string Payload);

    /// <summary>The journal's segment files in sequence order (their zero-padded names sort as their numbers).</summary>
    public static string[] Segments(string journalDirectory) =>
        [.. Directory.GetFiles(journalDirectory, "*.seg").Order(StringComparer.Ordinal)];

    public static List<Record> Records(string segmentPath)
    {
        var bytes = File.ReadAllBytes(segmentPath);
        var records = new List<Record>();
        var offset = 0;
        while (offset + HeaderSize <= bytes.Length && bytes.AsSpan(offset, 4).SequenceEqual(Magic))
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset + 4));
            if (length <= 0 || offset + HeaderSize + length > bytes.Length)
            {
                break;
            }

            records.Add(new Record(offset, HeaderSize + length, Encoding.UTF8.GetString(bytes, offset + HeaderSize, length)));
            offset += HeaderSize + length;
        }

        return records;
    }

    /// <summary>Flips one bit of the byte in the middle of <paramref name="record"/>'s payload.</summary>
    public static void FlipPayloadByte(string segmentPath, Record record)
    {
        using var file = new FileStream(segmentPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        file.Position = record.Offset + HeaderSize + ((record.Length - HeaderSize) / 2);
        var value = file.ReadByte();
        file.Position--;
        file.WriteByte((byte)(value ^ 0x40));
    }

    /// <summary>Cuts the file in the middle of <paramref name="record"/>, as a write torn by a power loss leaves it.</summary>
    public static void CutInHalf(string segmentPath, Record record)
    {
        using var file = new FileStream(segmentPath, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        file.SetLength(record.Offset + (record.Length / 2));
    }
}
