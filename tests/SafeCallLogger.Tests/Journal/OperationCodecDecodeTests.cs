using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using SafeCallLogger.Journal;
using SafeCallLogger.Tests.Support;

namespace SafeCallLogger.Tests.Journal;

/// <summary><see cref="OperationCodec.TryDecode"/> on bytes that <see cref="OperationCodec.Encode"/> did not write: false, never a throw.</summary>
public sealed class OperationCodecDecodeTests
{
    // Offsets in the operation layout: version, kind, flags, outcome, then id (16), timestamp (10), users (4), lines (9 + 9).
    private const int KindAt = 1;
    private const int FlagsAt = 2;
    private const int OutcomeAt = 3;
    private const int TimestampAt = 20;
    private const int ClosingLineAFormatAt = 42;
    private const int FixedEnd = 52;

    public static TheoryData<CallOperation> Samples =>
    [
        Operations.Full(CallOperationKind.UpsertCall),
        Operations.Full(CallOperationKind.UpsertCall, Operations.FullCall(new JsonObject { ["a"] = 1 })),
        Operations.Nullable(CallOperationKind.UpsertCall),
        Operations.Nullable(CallOperationKind.AddClick),
        Operations.TypicalClick(),
    ];

    [Theory]
    [MemberData(nameof(Samples))]
    public void TryDecode_EveryProperPrefixOfAValidEncoding_ReturnsFalse(CallOperation operation)
    {
        var payload = Encode(operation);
        for (var length = 0; length < payload.Length; length++)
        {
            Assert.False(OperationCodec.TryDecode(payload.AsSpan(0, length), out var partial), $"a prefix of {length} of {payload.Length} bytes decoded");
            Assert.Equal(default, partial);
        }

        Assert.True(OperationCodec.TryDecode(payload, out _));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void TryDecode_TrailingBytes_ReturnsFalse(CallOperation operation)
    {
        var payload = Encode(operation);
        Assert.False(OperationCodec.TryDecode([.. payload, 0], out _));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void TryDecode_EverySingleBitFlip_NeverThrows(CallOperation operation)
    {
        var payload = Encode(operation);
        for (var bit = 0; bit < payload.Length * 8; bit++)
        {
            payload[bit / 8] ^= (byte)(1 << (bit % 8));
            var decoded = OperationCodec.TryDecode(payload, out _);
            payload[bit / 8] ^= (byte)(1 << (bit % 8));

            // A flip inside a value (an id, a double, a letter) may still decode; one in the version byte never does.
            Assert.False(bit < 8 && decoded, $"a flip of version bit {bit} decoded");
        }
    }

    [Fact]
    public void TryDecode_RandomBytes_NeverThrows() =>
        Gen.Byte.Array[0, 300].Sample(bytes => { _ = OperationCodec.TryDecode(bytes, out _); }, iter: 20_000, threads: 1);

    [Fact]
    public void TryDecode_RandomBytesAfterAValidHeader_NeverThrows()
    {
        var header = Encode(Operations.Full(CallOperationKind.UpsertCall))[..FixedEnd];
        Gen.Byte.Array[0, 300].Sample(tail => { _ = OperationCodec.TryDecode([.. header, .. tail], out _); }, iter: 20_000, threads: 1);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(255)]
    public void TryDecode_UnknownVersion_ReturnsFalse(byte version)
    {
        var payload = Encode(Operations.TypicalClick());
        payload[0] = version;
        Assert.False(OperationCodec.TryDecode(payload, out _));
    }

    [Theory]
    [InlineData(KindAt, 0)]
    [InlineData(KindAt, 5)]
    [InlineData(KindAt, 255)]
    [InlineData(OutcomeAt, 4)]
    [InlineData(ClosingLineAFormatAt, 2)]
    [InlineData(FlagsAt, 0x10)]
    [InlineData(FlagsAt, 0x80)]
    public void TryDecode_UndefinedEnumOrReservedFlag_ReturnsFalse(int offset, byte value)
    {
        var payload = Encode(Operations.TypicalClick());
        payload[offset] = value;
        Assert.False(OperationCodec.TryDecode(payload, out _));
    }

    [Fact]
    public void Encode_UndefinedEnumValues_WriteWhatDoesNotDecode()
    {
        Assert.False(OperationCodec.TryDecode(Encode(Operations.TypicalClick() with { Kind = (CallOperationKind)1000 }), out _));
        Assert.False(OperationCodec.TryDecode(Encode(Operations.TypicalClick() with { Outcome = (CallOutcome)(-1) }), out _));
        Assert.False(OperationCodec.TryDecode(Encode(Operations.TypicalClick() with { LineMovementSpeed = (LineMovementSpeed)0 }), out _));
    }

    [Theory]
    [InlineData(-841)]
    [InlineData(841)]
    [InlineData(short.MinValue)]
    public void TryDecode_OffsetBeyondFourteenHours_ReturnsFalse(short minutes)
    {
        var payload = Encode(Operations.TypicalClick());
        BitConverter.TryWriteBytes(payload.AsSpan(TimestampAt + 8), minutes);
        Assert.False(OperationCodec.TryDecode(payload, out _));
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(long.MaxValue)]
    [InlineData(3_155_378_976_000_000_000L)] // DateTime.MaxValue.Ticks + 1
    public void TryDecode_TicksOutOfRange_ReturnsFalse(long ticks)
    {
        var payload = Encode(Operations.TypicalClick());
        BitConverter.TryWriteBytes(payload.AsSpan(TimestampAt), ticks);
        Assert.False(OperationCodec.TryDecode(payload, out _));
    }

    [Fact]
    public void TryDecode_LocalTimeOutOfRangeThoughUtcIsIn_ReturnsFalse()
    {
        var payload = Encode(Operations.TypicalClick() with { Timestamp = DateTimeOffset.MinValue });
        BitConverter.TryWriteBytes(payload.AsSpan(TimestampAt + 8), (short)-60);
        Assert.False(OperationCodec.TryDecode(payload, out _));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xC0, 0x80 })] // overlong NUL
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })] // a surrogate written as UTF-8
    [InlineData(new byte[] { 0xE2, 0x82 })] // cut in the middle of a character
    public void TryDecode_InvalidUtf8_ReturnsFalse(byte[] text)
    {
        byte[] payload = [.. Encode(Operations.TypicalClick() with { UserId = null })[..FixedEnd], (byte)((text.Length << 1) + 1), .. text, 0];
        Assert.False(OperationCodec.TryDecode(payload, out _));
        Assert.True(OperationCodec.TryDecode([.. payload[..FixedEnd], 3, (byte)'a', 0], out var valid), "the crafted frame itself is wrong");
        Assert.Equal("a", valid.CallId);
    }

    [Fact]
    public void TryDecode_Utf16TextWithoutALoneSurrogate_ReturnsFalse()
    {
        byte[] payload = [.. Encode(Operations.TypicalClick() with { UserId = null })[..FixedEnd], (2 << 1 | 1) + 1, (byte)'a', 0, 0];
        Assert.False(OperationCodec.TryDecode(payload, out _));
        payload[FixedEnd + 2] = 0xD8; // the unit is now 0xD861, a lone high surrogate: the one case the writer uses UTF-16 for
        Assert.True(OperationCodec.TryDecode(payload, out var lone));
        Assert.Equal("\uD861", lone.CallId);
    }

    [Theory]
    [InlineData(new byte[] { 0x80, 0x00 })] // 0 padded to two bytes
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x0F })] // 2^32 - 1
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x07 })] // int.MaxValue: a length far past the end
    [InlineData(new byte[] { 0xFE, 0xFF, 0xFF, 0xFF, 0x07 })]
    [InlineData(new byte[] { 0x80, 0x80, 0x80, 0x80, 0x80, 0x01 })] // six bytes
    public void TryDecode_BadOrHugeLengthPrefix_ReturnsFalseWithoutAllocatingIt(byte[] prefix)
    {
        byte[] payload = [.. Encode(Operations.TypicalClick() with { UserId = null })[..FixedEnd], .. prefix, 0, 0, 0, 0];
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.False(OperationCodec.TryDecode(payload, out _));
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 1024);
    }

    [Fact]
    public void TryDecode_UserIdCountPastTheEnd_ReturnsFalseWithoutAllocatingIt()
    {
        var call = SafeCallLogger.Validation.CallSnapshot.Copy(Operations.MinimalCall(), new long[] { 1, 2 }, null);
        var payload = Encode(Operations.Nullable(CallOperationKind.UpsertCall) with { Call = call });
        var countAt = Array.LastIndexOf(payload, (byte)3); // count + 1, just before the two ids and the null raw data
        Assert.Equal(payload.Length - 18, countAt);
        byte[] huge = [.. payload[..countAt], 0xFF, 0xFF, 0xFF, 0xFF, 0x07, .. payload[(countAt + 1)..]];

        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.False(OperationCodec.TryDecode(huge, out _));
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 1024);
    }

    [Theory]
    [InlineData("{\"a\":1,\"b\":2}", "{\"a\":1,\"a\":2}")] // a duplicate key, which JsonObject throws on only when read
    [InlineData("{\"a\":1,\"b\":2}", "[1,2,3,4,5,6]")]
    [InlineData("{\"a\":1,\"b\":2}", "{\"a\":1,\"b\":2 ")]
    public void TryDecode_RawDataNotAJsonObject_ReturnsFalse(string written, string replacement)
    {
        var raw = (JsonObject)JsonNode.Parse(written)!;
        var payload = Encode(Operations.Full(CallOperationKind.UpsertCall, Operations.FullCall(raw)));
        var at = payload.AsSpan().IndexOf(Encoding.UTF8.GetBytes(written));
        Assert.True(at > 0);
        Encoding.UTF8.GetBytes(replacement).CopyTo(payload, at);
        Assert.False(OperationCodec.TryDecode(payload, out _));
    }

    private static byte[] Encode(in CallOperation operation)
    {
        var scratch = Array.Empty<byte>();
        var count = OperationCodec.Encode(operation, ref scratch);
        return scratch[..count];
    }
}
