using System.Text.Json;
using System.Text.Json.Nodes;
using SafeCallLogger.Tests.Support;

namespace SafeCallLogger.Tests;

public sealed class CallOperationSerializationTests
{
    [Fact]
    public void CallOperation_JsonRoundTrip_KeepsEveryFieldSoAJournalCanReplayIt()
    {
        var call = new CallRecord
        {
            CallType = CallType.Middle,
            TeamA = "Rangers",
            TeamB = "Avalanche",
            BookmakerA = "bet365",
            BookmakerB = "pinnacle",
            OddsA = Odds.FromAmerican(-110),
            OddsB = 2.05,
            RoiPercent = 6.5,
            NotifiedUserIds = [1, 2],
            RawData = new JsonObject { ["line_a"] = 5.5, ["line_b"] = 6.5 },
        };
        var operation = new CallOperation
        {
            OperationId = Guid.NewGuid(),
            Kind = CallOperationKind.UpsertCall,
            CallId = "abc123",
            Timestamp = new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero),
            Call = call,
            UsersNotified = 2,
            ClosingLineA = Odds.FromAmerican(+105),
        };

        var json = JsonSerializer.Serialize(operation);
        var back = JsonSerializer.Deserialize<CallOperation>(json);

        Assert.Equal(operation.OperationId, back.OperationId);
        Assert.Equal(operation.Kind, back.Kind);
        Assert.Equal(operation.Timestamp, back.Timestamp);
        Assert.Equal(operation.ClosingLineA, back.ClosingLineA);
        Assert.Equal(Odds.FromAmerican(-110), back.Call!.OddsA);
        Assert.Equal(2.05, back.Call.OddsB.DecimalValue);
        Assert.Equal([1L, 2L], back.Call.NotifiedUserIds);
        Assert.Equal(6.5, back.Call.RawData!["line_b"]!.GetValue<double>());
    }
}
