namespace SafeCallLogger.Tests.Sinks;

/// <summary>
/// The write semantics every <see cref="ICallSink"/> keeps (its docs and docs/DESIGN.md "Sink contract"), run once per
/// sink by a derived class that creates the sink and reads what it stored. A new sink passes these before it ships.
/// </summary>
public abstract partial class CallSinkConformanceTests : IAsyncLifetime
{
    private ICallSink? _sink;

    /// <summary>The sink under test, created before each test.</summary>
    protected ICallSink Sink => _sink ?? throw new InvalidOperationException("The sink is created in InitializeAsync.");

    public Task InitializeAsync()
    {
        _sink = CreateSink();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_sink is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        await CleanUpAsync();
    }

    [Fact]
    public async Task WriteAsync_NewCall_StoredWithItsUsersNotifiedAndNothingElseYet()
    {
        await WriteAsync(Upsert("c1", usersNotified: 3));

        var stored = await ReadRequiredAsync("c1");
        Assert.Equal(new StoredTotals(3, 0, 0, null, null, null, null, null, null, null), stored);
        Assert.Null(await ReadCallAsync("c2"));
    }

    [Fact]
    public async Task WriteAsync_SameCallIdAgain_AddsToTotalUsersNotified()
    {
        await WriteAsync(Upsert("c1", usersNotified: 3));
        await WriteAsync(Upsert("c1", usersNotified: 4), Upsert("c1", usersNotified: 5));

        Assert.Equal(12, (await ReadRequiredAsync("c1")).TotalUsersNotified);
    }

    [Fact]
    public async Task WriteAsync_Clicks_EveryClickCountedAndEachUserOnceInTotalUsersBet()
    {
        await WriteAsync(Upsert("c1"));
        await WriteAsync(Click("c1", 7), Click("c1", 7), Click("c1", 8));
        await WriteAsync(Click("c1", 7), Click("c1", null), Click("c1", null));

        var stored = await ReadRequiredAsync("c1");
        Assert.Equal(6, stored.AlertClickedCount);

        // Users 7 and 8 once each; a click without a user id always counts.
        Assert.Equal(4, stored.TotalUsersBet);
    }

    [Fact]
    public async Task WriteAsync_Result_SetsOutcomeAndProfit()
    {
        await WriteAsync(Upsert("c1"), Upsert("c2"));
        await WriteAsync(Result("c1", CallOutcome.AWon, 4.25), Result("c2", CallOutcome.Push, null));

        var first = await ReadRequiredAsync("c1");
        Assert.Equal(CallOutcome.AWon, first.ActualOutcome);
        Assert.Equal(4.25, first.ActualProfit);
        var second = await ReadRequiredAsync("c2");
        Assert.Equal(CallOutcome.Push, second.ActualOutcome);
        Assert.Null(second.ActualProfit);
    }

    [Fact]
    public async Task WriteAsync_ClosingLines_StoredAsDecimalWithClvPerSide()
    {
        // Taken at 2.10 and 2.05 (decimal).
        await WriteAsync(Upsert("c1"));
        await WriteAsync(Closing("c1", Odds.FromDecimal(2.0), Odds.FromAmerican(+150), LineMovementSpeed.Fast));

        var stored = await ReadRequiredAsync("c1");
        Assert.Equal(2.0, stored.ClosingLineA!.Value, 9);
        Assert.Equal(2.5, stored.ClosingLineB!.Value, 9);
        Assert.Equal(5.0, stored.ClvA!.Value, 9);
        Assert.Equal(-18.0, stored.ClvB!.Value, 9);
        Assert.Equal(LineMovementSpeed.Fast, stored.LineMovementSpeed);
    }

    [Fact]
    public async Task WriteAsync_ClosingLinesWithoutSpeed_KeepTheCallsSpeed()
    {
        await WriteAsync(Upsert("c1", call: NewCall("c1", speed: LineMovementSpeed.Slow)));
        await WriteAsync(Closing("c1", 2.0, 2.0, speed: null));

        Assert.Equal(LineMovementSpeed.Slow, (await ReadRequiredAsync("c1")).LineMovementSpeed);
    }

    [Fact]
    public async Task WriteAsync_SameBatchTwice_EachOperationAppliedOnce()
    {
        CallOperation[] batch =
        [
            Upsert("c1", usersNotified: 3), Upsert("c1", usersNotified: 2), Click("c1", 7), Click("c1", null),
            Result("c1", CallOutcome.BWon, -1.5), Closing("c1", 2.0, 2.0),
        ];

        await WriteAsync(batch);
        var once = await ReadRequiredAsync("c1");
        await WriteAsync(batch);

        Assert.Equal(once, await ReadRequiredAsync("c1"));
        Assert.Equal(new StoredTotals(5, 2, 2, CallOutcome.BWon, -1.5, 2.0, 2.0, once.ClvA, once.ClvB, once.LineMovementSpeed), once);
    }

    [Fact]
    public async Task WriteAsync_ReplayedOperationsMixedWithNewOnes_OnlyTheNewOnesApplied()
    {
        var upsert = Upsert("c1", usersNotified: 3);
        var click = Click("c1", 7);
        await WriteAsync(upsert, click);

        await WriteAsync(Click("c1", 8), upsert, click, Upsert("c1", usersNotified: 1));

        var stored = await ReadRequiredAsync("c1");
        Assert.Equal(4, stored.TotalUsersNotified);
        Assert.Equal(2, stored.AlertClickedCount);
        Assert.Equal(2, stored.TotalUsersBet);
    }

    [Fact]
    public async Task WriteAsync_OperationsBeforeTheirCall_KeptUntilTheCallArrives()
    {
        // A click that overtook its call, and a result and closing lines that did too: never an error.
        await WriteAsync(Click("c1", 7), Click("c1", 7), Result("c1", CallOutcome.AWon, 2.0), Closing("c1", 2.0, 2.0, LineMovementSpeed.Normal));
        Assert.Null(await ReadCallAsync("c1"));

        await WriteAsync(Upsert("c1", usersNotified: 2));

        var stored = await ReadRequiredAsync("c1");
        Assert.Equal(2, stored.TotalUsersNotified);
        Assert.Equal(2, stored.AlertClickedCount);
        Assert.Equal(1, stored.TotalUsersBet);
        Assert.Equal(CallOutcome.AWon, stored.ActualOutcome);
        Assert.Equal(2.0, stored.ClosingLineA);
        Assert.Equal(5.0, stored.ClvA!.Value, 9);
    }

    [Fact]
    public async Task WriteAsync_ClickBeforeItsCallInTheSameBatch_Applied()
    {
        await WriteAsync(Click("c1", 7), Upsert("c1", usersNotified: 1), Click("c1", 8));

        var stored = await ReadRequiredAsync("c1");
        Assert.Equal(2, stored.AlertClickedCount);
        Assert.Equal(2, stored.TotalUsersBet);
    }

    [Fact]
    public async Task WriteAsync_WaitingOperationsReplayed_AppliedOnceWhenTheCallArrives()
    {
        CallOperation[] early = [Click("c1", 7), Click("c1", null)];
        await WriteAsync(early);
        await WriteAsync(early);

        await WriteAsync(Upsert("c1"));
        await WriteAsync(early);

        var stored = await ReadRequiredAsync("c1");
        Assert.Equal(2, stored.AlertClickedCount);
        Assert.Equal(2, stored.TotalUsersBet);
    }

    [Fact]
    public async Task WriteAsync_SeveralResultsForOneCallInABatch_LastOneWins()
    {
        await WriteAsync(Upsert("c1"));
        await WriteAsync(
            Result("c1", CallOutcome.AWon, 1.0),
            Closing("c1", 2.0, 2.0, LineMovementSpeed.Fast),
            Result("c1", CallOutcome.BWon, -1.0),
            Closing("c1", 3.0, 1.5, LineMovementSpeed.Slow));

        var stored = await ReadRequiredAsync("c1");
        Assert.Equal(CallOutcome.BWon, stored.ActualOutcome);
        Assert.Equal(-1.0, stored.ActualProfit);
        Assert.Equal(3.0, stored.ClosingLineA);
        Assert.Equal(1.5, stored.ClosingLineB);
        Assert.Equal(LineMovementSpeed.Slow, stored.LineMovementSpeed);
    }

    [Fact]
    public async Task WriteAsync_SeveralResultsBeforeTheirCall_AppliedInLoggingOrder()
    {
        await WriteAsync(Result("c1", CallOutcome.AWon, 1.0), Result("c1", CallOutcome.Push, 0.0));
        await WriteAsync(Result("c1", CallOutcome.BWon, -2.0), Upsert("c1"));

        var stored = await ReadRequiredAsync("c1");
        Assert.Equal(CallOutcome.BWon, stored.ActualOutcome);
        Assert.Equal(-2.0, stored.ActualProfit);
    }

    [Fact]
    public async Task WriteAsync_ManyCallsInOneBatch_EachKeepsItsOwnTotals()
    {
        var batch = new List<CallOperation>();
        for (var i = 0; i < 50; i++)
        {
            batch.Add(Upsert($"c{i}", usersNotified: i));
            for (var k = 0; k < i % 4; k++)
            {
                batch.Add(Click($"c{i}", k));
            }
        }

        await WriteAsync([.. batch]);

        for (var i = 0; i < 50; i++)
        {
            var stored = await ReadRequiredAsync($"c{i}");
            Assert.Equal((i, i % 4, i % 4), (stored.TotalUsersNotified, stored.TotalUsersBet, stored.AlertClickedCount));
        }
    }

    /// <summary>Creates the sink under test; called once per test.</summary>
    protected abstract ICallSink CreateSink();

    /// <summary>Reads what the sink stored for <paramref name="callId"/>; <see langword="null"/> when it stored no such call.</summary>
    protected abstract Task<StoredTotals?> ReadCallAsync(string callId);

    /// <summary>Removes what the test left behind (files, servers); the sink is already disposed.</summary>
    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    protected async Task WriteAsync(params CallOperation[] operations) =>
        await Sink.WriteAsync(operations, CancellationToken.None);

    protected async Task<StoredTotals> ReadRequiredAsync(string callId) =>
        await ReadCallAsync(callId) ?? throw new Xunit.Sdk.XunitException($"call {callId} is not stored");
}
