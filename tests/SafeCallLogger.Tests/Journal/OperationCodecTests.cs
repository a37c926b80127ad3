using System.Text.Json.Nodes;
using CsCheck;
using SafeCallLogger.Journal;
using SafeCallLogger.Tests.Support;
using SafeCallLogger.Validation;

namespace SafeCallLogger.Tests.Journal;

/// <summary>What <see cref="OperationCodec"/> writes comes back exactly; the malformed-input side is in <see cref="OperationCodecDecodeTests"/>.</summary>
public sealed class OperationCodecTests
{
    public static TheoryData<CallOperationKind> Kinds => [.. Operations.Kinds];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Encode_EveryFieldSet_RoundTripsExactly(CallOperationKind kind) =>
        AssertRoundTrip(Operations.Full(kind));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Encode_EveryNullableFieldNull_RoundTripsExactly(CallOperationKind kind) =>
        AssertRoundTrip(Operations.Nullable(kind));

    [Fact]
    public void Encode_Anything_StartsWithFormatVersion1()
    {
        var scratch = Array.Empty<byte>();
        _ = OperationCodec.Encode(Operations.TypicalClick(), ref scratch);
        Assert.Equal(1, scratch[0]);
    }

    // Indexed, not inline: xUnit carries theory data as UTF-8 text, which would turn a lone surrogate into U+FFFD
    // before the test ever saw it.
    private static readonly string[] Texts =
    [
        "",
        "a\0b\0",
        "Équipe Łódź – 北京国安 – Спартак",
        "\U0001F3C0 \U0001F600\U0001F1EB\U0001F1F7",
        "lone high \uD83D at the end \uD83D",
        "\uDE00 lone low first",
        "\uDE00\uD83D reversed pair",
        "\uFFFF\uFFFE noncharacters",
    ];

    public static TheoryData<int> TextIndexes => [.. Enumerable.Range(0, Texts.Length)];

    [Theory]
    [MemberData(nameof(TextIndexes))]
    public void Encode_UnicodeText_RoundTripsExactly(int index)
    {
        var text = Texts[index];
        var call = Operations.FullCall();
        AssertRoundTrip(Operations.Full(CallOperationKind.UpsertCall) with
        {
            CallId = text,
            RawDataJson = text,
            Call = WithText(call, text),
        });
    }

    [Theory]
    [InlineData("a")]
    [InlineData("€")]
    [InlineData("\U0001F600")]
    public void Encode_StringsAtTheLongestMaxStringLength_RoundTrip(string unit)
    {
        var limit = 100_000; // CallLoggerOptions.MaxStringLength accepts at most 100,000 characters.
        var text = string.Concat(Enumerable.Repeat(unit, limit / unit.Length));
        Assert.Equal(limit, text.Length);
        AssertRoundTrip(Operations.Full(CallOperationKind.UpsertCall) with { CallId = text, Call = WithText(Operations.FullCall(), text) });
    }

    [Fact]
    public void Encode_RawDataJsonAtTheLargestMaxRawDataBytes_RoundTrips()
    {
        var json = "{\"k\":\"" + new string('x', (16 * 1024 * 1024) - 8) + "\"}"; // MaxRawDataBytes is at most 16 MiB.
        AssertRoundTrip(Operations.Full(CallOperationKind.UpsertCall) with { RawDataJson = json });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(100_000)]
    [InlineData(1_000_000)]
    public void Encode_NotifiedUserIds_RoundTripWithNullAndEmptyKeptApart(int count)
    {
        var ids = new long[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = (i * 7_919_000_003L) - (i % 2 == 0 ? long.MaxValue / 3 : 0);
        }

        AssertRoundTrip(Operations.Full(CallOperationKind.UpsertCall, CallSnapshot.Copy(Operations.FullCall(), ids, null)));
        AssertRoundTrip(Operations.Full(CallOperationKind.UpsertCall, CallSnapshot.Copy(Operations.FullCall(), null, null)));
    }

    [Fact]
    public void Encode_NotifiedUserIdsInAListNotAnArray_RoundTrips() =>
        AssertRoundTrip(Operations.Full(CallOperationKind.UpsertCall, CallSnapshot.Copy(Operations.FullCall(), new List<long> { 5, long.MinValue, 0 }, null)));

    [Theory]
    [InlineData(0x7FF8_0000_0000_0000)] // the usual NaN
    [InlineData(unchecked((long)0xFFF8_0000_0000_0001))] // negative NaN with a payload
    [InlineData(0x7FF0_0000_0000_0001)] // signalling NaN
    [InlineData(unchecked((long)0x8000_0000_0000_0000))] // -0.0
    [InlineData(0x7FF0_0000_0000_0000)] // +infinity
    [InlineData(unchecked((long)0xFFF0_0000_0000_0000))] // -infinity
    [InlineData(1)] // double.Epsilon
    [InlineData(0x7FEF_FFFF_FFFF_FFFF)] // double.MaxValue
    public void Encode_ExtremeDoubles_RoundTripBitExact(long bits)
    {
        var d = BitConverter.Int64BitsToDouble(bits);
        var call = Operations.FullCall();
        AssertRoundTrip(Operations.Full(CallOperationKind.SetResult) with
        {
            Profit = d,
            ClosingLineA = Odds.FromAmerican(d),
            ClosingLineB = Odds.FromDecimal(d),
            Call = new CallRecord
            {
                CallType = call.CallType, TeamA = call.TeamA, TeamB = call.TeamB, BookmakerA = call.BookmakerA, BookmakerB = call.BookmakerB,
                OddsA = Odds.FromAmerican(d), OddsB = d, RoiPercent = d, RecommendedStakeA = d, RecommendedStakeB = d, TotalStake = d, ExpectedProfit = d,
            },
        });
    }

    public static TheoryData<DateTimeOffset> ExtremeDates =>
    [
        DateTimeOffset.MinValue,
        DateTimeOffset.MaxValue,
        new DateTimeOffset(DateTime.MinValue.AddHours(14), TimeSpan.FromHours(14)),
        new DateTimeOffset(DateTime.MaxValue.AddHours(-14), TimeSpan.FromHours(-14)),
        new DateTimeOffset(2026, 3, 29, 1, 59, 59, 999, TimeSpan.FromMinutes(345)).AddTicks(1234),
        new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.FromMinutes(-570)),
    ];

    [Theory]
    [MemberData(nameof(ExtremeDates))]
    public void Encode_ExtremeDates_RoundTripWithTicksAndOffset(DateTimeOffset date) =>
        AssertRoundTrip(Operations.Full(CallOperationKind.UpsertCall) with
        {
            Timestamp = date,
            Call = WithDates(Operations.FullCall(), date),
        });

    [Fact]
    public void Encode_RecordHoldingARawDataObject_KeepsItAsJson()
    {
        var raw = new JsonObject { ["feed"] = "odds-api", ["nested"] = new JsonObject { ["list"] = new JsonArray(1, 2.5, "x", null, true) } };
        var operation = Operations.Full(CallOperationKind.UpsertCall, Operations.FullCall(raw));
        var back = AssertRoundTrip(operation);
        Assert.Equal(2.5, back.Call!.RawData!["nested"]!["list"]![1]!.GetValue<double>());
    }

    [Fact]
    public void Encode_ScratchTooSmall_ReplacesItWithADoubledArray()
    {
        var scratch = new byte[16];
        var original = scratch;
        var count = OperationCodec.Encode(Operations.Full(CallOperationKind.UpsertCall), ref scratch);

        Assert.NotSame(original, scratch);
        Assert.True(scratch.Length >= count);
        Assert.True(System.Numerics.BitOperations.IsPow2(scratch.Length / 16) && scratch.Length % 16 == 0, $"length {scratch.Length} is not 16 doubled");
        Assert.True(OperationCodec.TryDecode(scratch.AsSpan(0, count), out _));
    }

    [Fact]
    public void Encode_ScratchLargeEnough_IsKept()
    {
        var scratch = new byte[4096];
        var original = scratch;
        _ = OperationCodec.Encode(Operations.Full(CallOperationKind.UpsertCall), ref scratch);
        Assert.Same(original, scratch);
    }

    [Fact]
    public void Encode_TypicalCallAndClickOnceScratchIsBigEnough_AllocatesNothing()
    {
        var call = Operations.TypicalUpsert();
        var click = Operations.TypicalClick();
        var scratch = Array.Empty<byte>();
        for (var i = 0; i < 100; i++)
        {
            _ = OperationCodec.Encode(call, ref scratch);
            _ = OperationCodec.Encode(click, ref scratch);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var total = 0;
        for (var i = 0; i < 1000; i++)
        {
            total += OperationCodec.Encode(call, ref scratch);
            total += OperationCodec.Encode(click, ref scratch);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.True(total > 0);
    }

    [Fact]
    public void Encode_AnyOperation_RoundTripsExactly() =>
        OperationGen.Operation.Sample(operation => { _ = AssertRoundTrip(operation); }, iter: 2000, threads: 1);

    internal static CallOperation AssertRoundTrip(in CallOperation operation)
    {
        var scratch = new byte[64];
        var count = OperationCodec.Encode(operation, ref scratch);
        Assert.True(OperationCodec.TryDecode(scratch.AsSpan(0, count), out var back), "TryDecode refused what Encode wrote");
        OperationAssert.Equivalent(operation, back);

        var again = new byte[64];
        Assert.Equal(count, OperationCodec.Encode(back, ref again));
        Assert.True(scratch.AsSpan(0, count).SequenceEqual(again.AsSpan(0, count)), "re-encoding the decoded operation gave other bytes");
        return back;
    }

    private static CallRecord WithText(CallRecord call, string text) => new()
    {
        CallId = text, CallType = call.CallType, Sport = text, League = text, TeamA = text, TeamB = text, BookmakerA = text, BookmakerB = text,
        MarketType = text, DataSource = text, OddsA = call.OddsA, OddsB = call.OddsB, RoiPercent = call.RoiPercent,
    };

    private static CallRecord WithDates(CallRecord call, DateTimeOffset date) => new()
    {
        CallType = call.CallType, TeamA = call.TeamA, TeamB = call.TeamB, BookmakerA = call.BookmakerA, BookmakerB = call.BookmakerB,
        OddsA = call.OddsA, OddsB = call.OddsB, RoiPercent = call.RoiPercent,
        MatchDate = date, MatchCommenceTime = date, AlertSentAt = date, ExpiresAt = date,
    };
}
