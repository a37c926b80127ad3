namespace SafeCallLogger.Tests.Sinks;

/// <summary>The sink contract, against the reference implementation.</summary>
public sealed class InMemoryCallSinkConformanceTests : CallSinkConformanceTests
{
    private InMemoryCallSink InMemory => (InMemoryCallSink)Sink;

    protected override ICallSink CreateSink() => new InMemoryCallSink();

    protected override Task<StoredTotals?> ReadCallAsync(string callId) =>
        Task.FromResult(InMemory.TryGetCall(callId, out var call)
            ? new StoredTotals(
                call.TotalUsersNotified,
                call.TotalUsersBet,
                call.AlertClickedCount,
                call.ActualOutcome,
                call.ActualProfit,
                call.ClosingLineA,
                call.ClosingLineB,
                call.ClvA,
                call.ClvB,
                call.LineMovementSpeed)
            : null);
}
