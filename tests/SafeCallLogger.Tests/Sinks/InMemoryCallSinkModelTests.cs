namespace SafeCallLogger.Tests.Sinks;

/// <summary>
/// The reference against itself, and not trivially: the sink under test gets the history split elsewhere with retried
/// and replayed batches, the model gets each operation once. So this fails if the in-memory sink ever applied an
/// operation id twice or let batch boundaries change what it stores. Cheap, so it runs more histories than a database.
/// </summary>
public sealed class InMemoryCallSinkModelTests : CallSinkModelTests
{
    private InMemoryCallSink? _sink;

    protected override int Iterations => 1_000;

    protected override ICallSink CreateSink() => _sink = new InMemoryCallSink();

    protected override Task<StoredTotals?> ReadCallAsync(string callId) => Task.FromResult(TotalsOf(Current, callId));

    protected override Task<StoredDetails?> ReadDetailsAsync(string callId) => Task.FromResult(DetailsOf(Current, callId));

    private InMemoryCallSink Current => _sink ?? throw new InvalidOperationException("No history is running.");
}
