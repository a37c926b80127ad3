using System.Text;
using System.Text.Json;

namespace SafeCallLogger.Journal;

/// <summary>
/// How a <see cref="CallOperation"/> becomes a record's payload and back: the one place the journal (store, cursor,
/// replay, inspector) encodes or decodes one. UTF-8 <see cref="OperationJson"/> for now; a binary codec with the same
/// two signatures replaces it.
/// </summary>
internal static class JournalPayload
{
    /// <summary>Encodes <paramref name="operation"/> into the start of <paramref name="scratch"/>, growing it if needed; returns the bytes written.</summary>
    public static int Encode(in CallOperation operation, ref byte[] scratch)
    {
        var json = OperationJson.Serialize(operation);
        var needed = Encoding.UTF8.GetMaxByteCount(json.Length);
        if (scratch.Length < needed)
        {
            needed = Encoding.UTF8.GetByteCount(json);
            if (scratch.Length < needed)
            {
                scratch = new byte[Math.Max(needed, scratch.Length * 2)];
            }
        }

        return Encoding.UTF8.GetBytes(json, scratch);
    }

    /// <summary>Decodes a payload; <see langword="false"/> (never an exception) when the bytes are no operation.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> payload, out CallOperation operation)
    {
        try
        {
            operation = OperationJson.Deserialize(Encoding.UTF8.GetString(payload));
            return true;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            operation = default;
            return false;
        }
    }
}
