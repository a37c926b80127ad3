using System.Buffers.Binary;
using System.Security.Cryptography;

namespace SafeCallLogger.Writing;

/// <summary>
/// Unique operation ids: a random 8-byte prefix per logger and a sequence, so two processes (or two loggers) writing
/// to one store never collide, and a retried or replayed operation keeps the id its first attempt had.
/// </summary>
internal sealed class OperationIds
{
    private readonly byte[] _prefix = new byte[8];
    private long _sequence;

    public OperationIds() => RandomNumberGenerator.Fill(_prefix);

    public Guid Next()
    {
        Span<byte> bytes = stackalloc byte[16];
        _prefix.CopyTo(bytes);
        BinaryPrimitives.WriteInt64BigEndian(bytes[8..], ++_sequence);
        return new Guid(bytes);
    }
}
