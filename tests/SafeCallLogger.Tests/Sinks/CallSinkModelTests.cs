using System.Globalization;
using CsCheck;

namespace SafeCallLogger.Tests.Sinks;

/// <summary>
/// What a sink stored for one call beyond <see cref="StoredTotals"/>: the first send's time and record, and who was
/// notified and who clicked (each user once, in any order).
/// </summary>
public sealed record StoredDetails(DateTimeOffset AlertSentAt, double OddsADecimal, double OddsBDecimal, string? RawDataJson, IReadOnlyCollection<long> NotifiedUserIds, IReadOnlyCollection<long> ClickedUserIds)
{
    /// <summary>The details as text, users sorted, so two sinks' details compare and print alike.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"sent {AlertSentAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} odds {OddsADecimal:R}/{OddsBDecimal:R} raw {RawDataJson ?? "null"} notified [{Users(NotifiedUserIds)}] clicked [{Users(ClickedUserIds)}]");

    private static string Users(IReadOnlyCollection<long> users) => string.Join(",", users.Order());
}

/// <summary>
/// The model-based check of a sink: random histories of batches over a few calls and users (re-broadcasts, clicks with
/// and without user ids, results, closing lines, operations before their call, retried and replayed batches, other
/// batch boundaries, restarts on the same storage) are written to the sink under test, and the same operations, each once and batched another way,
/// to a fresh <see cref="InMemoryCallSink"/>, the reference of the sink contract. Every call must then read back the
/// same from both. A failure shrinks to a short history, printed operation by operation.
/// </summary>
/// <remarks>
/// A derived class supplies the sink and how to read what it stored, as for <see cref="CallSinkConformanceTests"/>;
/// here <see cref="CreateSink"/> and <see cref="CleanUpAsync"/> run once per history, so each history starts on
/// empty storage. Reproduce a failure with the seed CsCheck prints (<c>CsCheck_Seed=...</c> in the environment);
/// <c>SAFECALLLOGGER_MODEL_ITERATIONS</c> runs more histories than <see cref="Iterations"/>.
/// </remarks>
public abstract partial class CallSinkModelTests
{
    /// <summary>How many histories a run tries; keep it modest for sinks with real storage.</summary>
    protected virtual int Iterations => 100;

    [Fact]
    public Task RandomHistories_StoreWhatTheInMemoryModelStores() => CheckAsync(IterationsFromEnvironment() ?? Iterations);

    /// <summary>
    /// Runs <paramref name="iterations"/> histories one at a time. On a difference, throws with the smallest history
    /// found (the first failing one, minimized), what differed, and CsCheck's seed and smallest draw.
    /// </summary>
    public async Task CheckAsync(int iterations, string? seed = null)
    {
        (ModelSequence Sequence, string Difference)? minimal = null;
        try
        {
            await ModelSequence.Gen.SampleAsync(
                async sequence =>
                {
                    if (await DifferenceAsync(sequence) is { } difference)
                    {
                        // Minimized once, on the first failure: CsCheck goes on drawing smaller ones, each a failure too.
                        minimal ??= await MinimizeAsync(sequence, difference);
                        throw new Xunit.Sdk.XunitException(difference);
                    }
                },
                seed: seed,
                iter: iterations,
                threads: 1,
                print: static s => s.ToString());
        }
        catch (CsCheckException ex) when (minimal is { } found)
        {
            throw new Xunit.Sdk.XunitException(
                $"The sink differs from the in-memory model after this history:{Environment.NewLine}{found.Sequence}{Environment.NewLine}{found.Difference}" +
                $"{Environment.NewLine}{Environment.NewLine}CsCheck: {ex.Message}",
                ex);
        }
    }

    /// <summary>Writes one history to a new sink and to the model; throws naming every call that differs.</summary>
    public async Task RunAsync(ModelSequence sequence)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        var model = new InMemoryCallSink();
        foreach (var batch in sequence.ModelBatches)
        {
            await model.WriteAsync(batch.Select(i => sequence.Operations[i]).ToList(), CancellationToken.None);
        }

        var sink = CreateSink();
        try
        {
            foreach (var batch in sequence.SinkBatches)
            {
                if (batch.Length > 0)
                {
                    await sink.WriteAsync(batch.Select(i => sequence.Operations[i]).ToList(), CancellationToken.None);
                }
                else if (OutlivesSink)
                {
                    await DisposeAsync(sink);
                    sink = ReopenSink();
                }
            }

            var differences = new List<string>();
            foreach (var callId in ModelSequence.CallIds)
            {
                await CompareAsync(model, callId, differences);
            }

            if (differences.Count > 0)
            {
                throw new Xunit.Sdk.XunitException("the sink and the in-memory model differ:" + Environment.NewLine + string.Join(Environment.NewLine, differences));
            }
        }
        finally
        {
            await DisposeAsync(sink);
            await CleanUpAsync();
        }
    }

    /// <summary>What <see cref="InMemoryCallSink"/> reads back as totals; <see langword="null"/> when it stored no such call.</summary>
    public static StoredTotals? TotalsOf(InMemoryCallSink sink, string callId)
    {
        ArgumentNullException.ThrowIfNull(sink);
        return sink.TryGetCall(callId, out var call)
            ? new StoredTotals(call.TotalUsersNotified, call.TotalUsersBet, call.AlertClickedCount, call.ActualOutcome, call.ActualProfit,
                call.ClosingLineA, call.ClosingLineB, call.ClvA, call.ClvB, call.LineMovementSpeed)
            : null;
    }

    /// <summary>What <see cref="InMemoryCallSink"/> reads back as details; <see langword="null"/> when it stored no such call.</summary>
    public static StoredDetails? DetailsOf(InMemoryCallSink sink, string callId)
    {
        ArgumentNullException.ThrowIfNull(sink);
        return sink.TryGetCall(callId, out var call)
            ? new StoredDetails(call.AlertSentAt, call.Call.OddsA.DecimalValue, call.Call.OddsB.DecimalValue, call.Call.RawData?.ToJsonString(), call.NotifiedUserIds, call.ClickedUserIds)
            : null;
    }

    /// <summary>Creates the sink under test on new, empty storage; called once per history.</summary>
    protected abstract ICallSink CreateSink();

    /// <summary>Reads what the sink last created stored for <paramref name="callId"/>; <see langword="null"/> when it stored no such call.</summary>
    protected abstract Task<StoredTotals?> ReadCallAsync(string callId);

    /// <summary>
    /// Reads the details the sink last created stored for a call it stored; <see langword="null"/> (the default) when
    /// this sink's details are not compared.
    /// </summary>
    protected virtual Task<StoredDetails?> ReadDetailsAsync(string callId) => Task.FromResult<StoredDetails?>(null);

    /// <summary>
    /// Whether what a sink stored outlives it (a file, a server), so that a history can restart the process mid-way:
    /// dispose the sink and go on with <see cref="ReopenSink"/>. The default is <see langword="false"/>: restarts are skipped.
    /// </summary>
    protected virtual bool OutlivesSink => false;

    /// <summary>A new sink on the storage of the last one created, which is already disposed; only when <see cref="OutlivesSink"/>.</summary>
    protected virtual ICallSink ReopenSink() => throw new NotSupportedException("This sink's storage does not outlive it.");

    /// <summary>Removes the storage of the last history (files, a schema); the sink is already disposed.</summary>
    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    private static async Task DisposeAsync(ICallSink sink)
    {
        if (sink is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        else if (sink is IDisposable plain)
        {
            plain.Dispose();
        }
    }

    private static int? IterationsFromEnvironment() =>
        int.TryParse(Environment.GetEnvironmentVariable("SAFECALLLOGGER_MODEL_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    private async Task CompareAsync(InMemoryCallSink model, string callId, List<string> differences)
    {
        var expected = TotalsOf(model, callId);
        var actual = await ReadCallAsync(callId);
        if (expected != actual)
        {
            differences.Add($"  {callId} totals: model {Show(expected)}{Environment.NewLine}  {new string(' ', callId.Length)}         sink  {Show(actual)}");
        }

        if (expected is null || actual is null || await ReadDetailsAsync(callId) is not { } details)
        {
            return;
        }

        var modelDetails = DetailsOf(model, callId)!.ToString();
        if (modelDetails != details.ToString())
        {
            differences.Add($"  {callId} details: model {modelDetails}{Environment.NewLine}  {new string(' ', callId.Length)}          sink  {details}");
        }
    }

    private static string Show(StoredTotals? totals) => totals?.ToString() ?? "(not stored)";
}
