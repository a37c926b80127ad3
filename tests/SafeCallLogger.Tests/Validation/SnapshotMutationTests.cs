using System.Globalization;
using System.Text.Json.Nodes;

namespace SafeCallLogger.Tests.Validation;

public sealed class SnapshotMutationTests
{
    private const int Calls = 5_000;

    [Fact]
    public async Task LogCallSafe_ReusedListAndJsonObjectMutatedFromAnotherThreadAfterReturn_EveryStoredCallHoldsWhatWasLogged()
    {
        var sink = new InMemoryCallSink();
        await using var logger = new CallLogger(sink, new CallLoggerOptions { QueueCapacity = Calls + 10 });

        // One recipients list and one template object reused for every broadcast, as bots do.
        var recipients = new List<long>();
        var template = new JsonObject();
        var expected = new Dictionary<string, (long[] Users, string RawJson)>(Calls);
        using var mutate = new SemaphoreSlim(0);
        using var mutated = new SemaphoreSlim(0);
        var stop = false;

        // Mutates both right after each LogCallSafe returns, while the writer may be storing that call.
        var mutator = Task.Factory.StartNew(
            () =>
            {
                var round = 0;
                while (mutate.Wait(TestWait.Guard) && !Volatile.Read(ref stop))
                {
                    round++;
                    recipients.Clear();
                    recipients.AddRange([-round, -round - 1, -round - 2, -round - 3, -round - 4, -round - 5, -round - 6, -round - 7, -round - 8]);
                    template["edge"] = -1.0;
                    template["book"] = "mutated";
                    template["round"] = -round;
                    template["extra"] = new JsonArray(1, 2, 3);
                    mutated.Release();
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        for (var i = 0; i < Calls; i++)
        {
            recipients.Clear();
            var users = (i % 5) + 1;
            for (var u = 0; u < users; u++)
            {
                recipients.Add((i * 10L) + u);
            }

            template.Clear();
            template["edge"] = i / 100.0;
            template["book"] = "bet365";
            template["round"] = i;
            var callId = "m" + i.ToString(CultureInfo.InvariantCulture);
            expected[callId] = ([.. recipients], template.ToJsonString());

            var result = logger.LogCallSafe(Call(callId, recipients, template));

            Assert.Equal(LogStatus.Accepted, result.Status);
            mutate.Release();
            Assert.True(mutated.Wait(TestWait.Guard));
        }

        Volatile.Write(ref stop, true);
        mutate.Release();
        await mutator.WaitAsync(TestWait.Guard);
        var flush = await logger.FlushAsync(TestWait.Guard);

        Assert.True(flush.Completed);
        Assert.Equal(0, logger.GetHealth().Errors);
        var stored = sink.GetCalls();
        Assert.Equal(Calls, stored.Count);
        foreach (var call in stored)
        {
            var (users, rawJson) = expected[call.CallId];
            Assert.Equal(users.Length, call.TotalUsersNotified);
            Assert.Equal(call.TotalUsersNotified, call.NotifiedUserIds.Count);
            Assert.Equal(users, call.NotifiedUserIds.Order());
            Assert.Equal(rawJson, call.Call.RawData!.ToJsonString());
        }
    }

    private static CallRecord Call(string callId, List<long> recipients, JsonObject template) => new()
    {
        CallId = callId,
        CallType = CallType.Arbitrage,
        TeamA = "Lakers",
        TeamB = "Celtics",
        BookmakerA = "bet365",
        BookmakerB = "pinnacle",
        OddsA = 2.1,
        OddsB = 2.0,
        RoiPercent = 2,
        NotifiedUserIds = recipients,
        RawData = template,
    };
}
