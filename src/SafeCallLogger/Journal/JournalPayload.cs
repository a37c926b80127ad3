namespace SafeCallLogger.Journal;

/// <summary>
/// How a <see cref="CallOperation"/> becomes a record's payload and back: the one place the journal (store, cursor,
/// replay, inspector) encodes or decodes one. The binary <see cref="OperationCodec"/> (version byte 1): about 240
/// bytes for a typical call and a small fraction of JSON's cost, which is what lets durable mode encode on the
/// caller's thread.
/// </summary>
internal static class JournalPayload
{
    /// <summary>Encodes <paramref name="operation"/> into the start of <paramref name="scratch"/>, growing it if needed; returns the bytes written.</summary>
    public static int Encode(in CallOperation operation, ref byte[] scratch) => OperationCodec.Encode(operation, ref scratch);

    /// <summary>Decodes a payload; <see langword="false"/> (never an exception) when the bytes are no operation.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> payload, out CallOperation operation) => OperationCodec.TryDecode(payload, out operation);
}
