namespace SafeCallLogger.Tests.Results;

public sealed class LogResultTests
{
    [Fact]
    public async Task IsAccepted_True_TellsTheCompilerCallIdIsSet()
    {
        await using var logger = new CallLogger(new InMemoryCallSink());

        var result = logger.LogCallSafe(Support.Calls.Arbitrage(1));

        Assert.True(result.IsAccepted);
        // With nullable warnings as errors, this line is the test: without [MemberNotNullWhen] it is CS8604.
        string callbackData = CallIds.ToCallbackData(result.CallId);
        Assert.Equal("i_bet_" + result.CallId, callbackData);
    }

    [Fact]
    public void IsAccepted_DefaultValue_IsFalseBecauseItHasNoCallId()
    {
        var result = default(LogResult);

        Assert.Equal(LogStatus.Accepted, result.Status);
        Assert.Null(result.CallId);
        Assert.False(result.IsAccepted);
    }
}
