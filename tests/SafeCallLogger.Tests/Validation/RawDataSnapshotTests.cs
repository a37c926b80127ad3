using System.Text.Json.Nodes;
using SafeCallLogger.Tests.Support;

namespace SafeCallLogger.Tests.Validation;

public sealed class RawDataSnapshotTests
{
    public static TheoryData<string, JsonObject> NonFiniteRawData() => new()
    {
        { "NaN at the top level", new JsonObject { ["edge"] = double.NaN } },
        { "+Infinity at the top level", new JsonObject { ["edge"] = double.PositiveInfinity } },
        { "-Infinity as a float", new JsonObject { ["edge"] = float.NegativeInfinity } },
        { "NaN nested in an object", new JsonObject { ["lines"] = new JsonObject { ["a"] = 1.5, ["b"] = double.NaN } } },
        { "Infinity nested in an array", new JsonObject { ["history"] = new JsonArray(1.9, 2.0, new JsonObject { ["x"] = double.PositiveInfinity }) } },
    };

    [Theory]
    [MemberData(nameof(NonFiniteRawData))]
    public async Task LogCallSafe_NonFiniteNumberInRawData_RejectedAsNonFiniteAndNeverQueued(string because, JsonObject raw)
    {
        var sink = new InMemoryCallSink();
        await using var logger = new CallLogger(sink);

        var result = logger.LogCallSafe(WithRaw(raw));
        await logger.FlushAsync(TestWait.Guard);

        Assert.True(result.Status == LogStatus.Rejected, because);
        Assert.Equal(RejectionReason.NonFiniteNumber, result.Reason);
        Assert.Equal("raw_data", result.Field);
        Assert.Equal(0, logger.GetHealth().Accepted);
        Assert.Equal(0, sink.Count);
    }

    [Fact]
    public async Task LogCallSafe_RawDataNested1500Deep_RejectedAsTooDeep()
    {
        await using var logger = new CallLogger(new InMemoryCallSink());
        var root = new JsonObject();
        var current = root;
        for (var i = 0; i < 1_500; i++)
        {
            var child = new JsonObject();
            current["next"] = child;
            current = child;
        }

        var result = logger.LogCallSafe(WithRaw(root));

        Assert.Equal(RejectionReason.RawDataTooDeep, result.Reason);
        Assert.Equal("raw_data", result.Field);
    }

    [Fact]
    public async Task LogCallSafe_RawDataAtTheDepthLimit_AcceptedOneDeeperRejected()
    {
        await using var logger = new CallLogger(new InMemoryCallSink(), new CallLoggerOptions { MaxRawDataDepth = 3 });

        // Depth 1 is the object itself; an array counts as a level too.
        var atLimit = new JsonObject { ["a"] = new JsonArray(new JsonObject { ["x"] = 1 }) };
        var deeper = new JsonObject { ["a"] = new JsonArray(new JsonObject { ["x"] = new JsonArray() }) };

        Assert.Equal(LogStatus.Accepted, logger.LogCallSafe(WithRaw(atLimit)).Status);
        Assert.Equal(RejectionReason.RawDataTooDeep, logger.LogCallSafe(WithRaw(deeper)).Reason);
    }

    [Fact]
    public async Task LogCallSafe_RawDataOverMaxRawDataBytes_RejectedAsTooLarge()
    {
        await using var logger = new CallLogger(new InMemoryCallSink(), new CallLoggerOptions { MaxRawDataBytes = 1024 });
        var oneBigString = new JsonObject { ["note"] = new string('x', 2_000) };
        var manySmallValues = new JsonObject { ["list"] = new JsonArray([.. Enumerable.Range(0, 500).Select(i => (JsonNode?)i)]) };

        var big = logger.LogCallSafe(WithRaw(oneBigString));
        var many = logger.LogCallSafe(WithRaw(manySmallValues));

        Assert.Equal(RejectionReason.RawDataTooLarge, big.Reason);
        Assert.Equal("raw_data", big.Field);
        Assert.Equal(RejectionReason.RawDataTooLarge, many.Reason);
    }

    [Fact]
    public async Task LogCallSafe_RawDataBiggerThanTheDefault64KiB_RejectedAsTooLarge()
    {
        await using var logger = new CallLogger(new InMemoryCallSink());

        var result = logger.LogCallSafe(WithRaw(new JsonObject { ["blob"] = new string('x', 70_000) }));

        Assert.Equal(RejectionReason.RawDataTooLarge, result.Reason);
    }

    [Fact]
    public async Task LogCallSafe_RawDataValueWhoseGetterThrows_RejectedAsUnreadableInsteadOfThrowing()
    {
        var sink = new InMemoryCallSink();
        await using var logger = new CallLogger(sink);
        var raw = new JsonObject { ["ok"] = 1, ["bad"] = JsonValue.Create(new ThrowingGetter()) };

        var result = logger.LogCallSafe(WithRaw(raw));
        await logger.FlushAsync(TestWait.Guard);

        Assert.Equal(LogStatus.Rejected, result.Status);
        Assert.Equal(RejectionReason.UnreadableInput, result.Reason);
        Assert.Equal("raw_data", result.Field);
        Assert.Equal(0, logger.GetHealth().Errors);
        Assert.Equal(0, sink.Count);
    }

    [Fact]
    public async Task LogCallSafe_ValidRawData_QueuesItsCompactJsonTextAndNoReferenceToTheCallersObject()
    {
        var sink = new RecordingSink();
        await using var logger = new CallLogger(sink);
        var raw = new JsonObject { ["edge"] = 2.5, ["book"] = "bet365 \"live\"", ["lines"] = new JsonArray(1.9, null, true) };
        var expected = raw.ToJsonString();

        Assert.Equal(LogStatus.Accepted, logger.LogCallSafe(WithRaw(raw)).Status);
        await logger.FlushAsync(TestWait.Guard);

        var operation = Assert.Single(sink.Operations);
        Assert.Equal(expected, operation.RawDataJson);
        Assert.Null(operation.Call!.RawData);
    }

    private static CallRecord WithRaw(JsonObject raw) => new()
    {
        CallType = CallType.GoodEv,
        TeamA = "Lakers",
        TeamB = "Celtics",
        BookmakerA = "bet365",
        BookmakerB = "pinnacle",
        OddsA = 2.1,
        OddsB = 2.0,
        RoiPercent = 2,
        RawData = raw,
    };

    private sealed class ThrowingGetter
    {
        public int Edge => throw new InvalidOperationException("getter failed (injected)");
    }
}
