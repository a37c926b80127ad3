using System.Buffers.Binary;

namespace SafeCallLogger.Journal;

/// <summary>
/// "Committed up to sequence N", 16 bytes: magic 0x504B4353 ("SCKP"), the sequence (int64), CRC-32C of the 12 bytes
/// before it, little-endian. Written crash-safely: a temp file, fsync, rename over the old one, fsync the directory.
/// A crash leaves either the old checkpoint or the new one, never a mix; a leftover temp file is ignored and removed.
/// A checkpoint that fails its checksum reads as 0, so the journal replays too much, never too little (sinks apply
/// each operation id once).
/// </summary>
internal static class Checkpoint
{
    private const uint Magic = 0x504B4353;
    private const int Size = 16;

    public static long Read(string directory)
    {
        var path = Path.Combine(directory, JournalFiles.CheckpointName);
        byte[] bytes;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            bytes = new byte[Size];
            if (stream.Length != Size || stream.ReadAtLeast(bytes, Size, throwOnEndOfStream: false) != Size)
            {
                return 0;
            }
        }
        catch (FileNotFoundException)
        {
            return 0;
        }

        var valid = BinaryPrimitives.ReadUInt32LittleEndian(bytes) == Magic
            && Crc32C.Compute(bytes.AsSpan(0, 12)) == BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(12));
        return valid ? Math.Max(0, BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(4))) : 0;
    }

    public static void Write(string directory, long sequence)
    {
        Span<byte> bytes = stackalloc byte[Size];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, Magic);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[4..], sequence);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[12..], Crc32C.Compute(bytes[..12]));

        var temp = Path.Combine(directory, JournalFiles.CheckpointTempName);
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, Path.Combine(directory, JournalFiles.CheckpointName), overwrite: true);
        DirectorySync.Flush(directory);
    }

    /// <summary>A temp file is what a crash between its write and the rename leaves: the old checkpoint still holds.</summary>
    public static void RemoveLeftover(string directory) =>
        File.Delete(Path.Combine(directory, JournalFiles.CheckpointTempName));
}
