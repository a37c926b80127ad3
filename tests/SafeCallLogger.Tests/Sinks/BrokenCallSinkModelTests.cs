using CsCheck;

namespace SafeCallLogger.Tests.Sinks;

/// <summary>
/// The model check can fail: against sinks broken the way a real one could be, it finds a history that shows it, and
/// shrinks that history to the few operations it takes.
/// </summary>
public sealed class BrokenCallSinkModelTests
{
    [Fact]
    public async Task SinkThatAppliesAReplayedOperationAgain_Detected_WithAShortHistory()
    {
        // Forgets operation ids: a retried batch or a journal replay is counted a second time.
        var message = await FailureOf(() => new RenamingSink());

        // Whichever the first failure shrinks to: one upsert delivered twice (1 operation), a click delivered twice on
        // its call (2), or an earlier result or closing line delivered again after a later one, on its call (3).
        Assert.True(OperationCount(message) <= 3, message);
        Assert.Contains("differ", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SinkThatDropsOperationsBeforeTheirCall_Detected_WithAShortHistory()
    {
        // Never keeps a click, result or closing lines that arrive before the call's upsert.
        var message = await FailureOf(() => new ForgetfulSink());

        // One early operation, then its call.
        Assert.Equal(2, OperationCount(message));
        Assert.Contains("differ", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SinkThatLetsTheFirstResultWin_Detected_WithAShortHistory()
    {
        // Keeps the first result of a call and ignores later ones.
        var message = await FailureOf(() => new FirstResultSink());

        // The call and two results for it.
        Assert.Equal(3, OperationCount(message));
        Assert.Contains("ActualOutcome", message, StringComparison.Ordinal);
    }

    private static async Task<string> FailureOf(Func<ICallSink> broken)
    {
        var check = new Check(broken);
        var error = await Assert.ThrowsAsync<Xunit.Sdk.XunitException>(() => check.CheckAsync(300));
        Assert.IsType<CsCheckException>(error.InnerException);
        return error.Message;
    }

    // The printout starts the minimized history with "N operations:".
    private static int OperationCount(string message)
    {
        var at = message.IndexOf(" operations:", StringComparison.Ordinal);
        Assert.True(at > 0, message);
        var start = message.LastIndexOfAny(['\n', ' ', '\r'], at - 1) + 1;
        return int.Parse(message.AsSpan(start, at - start), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The check against one broken sink, on top of an in-memory one; private so xUnit does not run its fact.</summary>
    private sealed class Check(Func<ICallSink> create) : CallSinkModelTests
    {
        private BrokenSink? _sink;

        protected override ICallSink CreateSink() => _sink = (BrokenSink)create();

        protected override Task<StoredTotals?> ReadCallAsync(string callId) => Task.FromResult(TotalsOf(_sink!.Inner, callId));

        protected override Task<StoredDetails?> ReadDetailsAsync(string callId) => Task.FromResult(DetailsOf(_sink!.Inner, callId));
    }

    private abstract class BrokenSink : ICallSink
    {
        public InMemoryCallSink Inner { get; } = new();

        public abstract ValueTask WriteAsync(IReadOnlyList<CallOperation> operations, CancellationToken cancellationToken);
    }

    private sealed class RenamingSink : BrokenSink
    {
        public override ValueTask WriteAsync(IReadOnlyList<CallOperation> operations, CancellationToken cancellationToken) =>
            Inner.WriteAsync(operations.Select(static op => op with { OperationId = Guid.NewGuid() }).ToList(), cancellationToken);
    }

    private sealed class ForgetfulSink : BrokenSink
    {
        public override ValueTask WriteAsync(IReadOnlyList<CallOperation> operations, CancellationToken cancellationToken) =>
            Inner.WriteAsync(operations.Where(op => op.Kind == CallOperationKind.UpsertCall || Inner.TryGetCall(op.CallId, out _)).ToList(), cancellationToken);
    }

    private sealed class FirstResultSink : BrokenSink
    {
        private readonly HashSet<string> _resulted = new(StringComparer.Ordinal);

        public override ValueTask WriteAsync(IReadOnlyList<CallOperation> operations, CancellationToken cancellationToken) =>
            Inner.WriteAsync(operations.Where(op => op.Kind != CallOperationKind.SetResult || _resulted.Add(op.CallId)).ToList(), cancellationToken);
    }
}
