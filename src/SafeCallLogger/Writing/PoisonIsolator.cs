namespace SafeCallLogger.Writing;

/// <summary>
/// For failures the sink does not explain: writes a failing batch one operation at a time to tell an outage (every
/// write fails) from poison (one operation fails while others are written). Sinks that name the operation at fault
/// (<see cref="UnstorableOperationException"/>) never need it; it is the fallback for those that cannot.
/// </summary>
/// <remarks>
/// An operation becomes a suspect when it fails and an operation after it in the same pass is written: the sink
/// demonstrably works, and not for that one. Each further failure of a suspect is a strike; at
/// <see cref="CallLoggerOptions.PoisonAttempts"/> strikes it is set aside. Failures with no later success (an outage)
/// never make suspects, so an outage never costs an accepted operation. A pass gives up after a budget of failures
/// with no success, doubled on each fruitless pass, so an outage costs few writes.
/// </remarks>
internal sealed class PoisonIsolator(int poisonAttempts)
{
    private const int MaxProbeBudget = 8;
    private readonly Dictionary<Guid, int> _strikes = [];
    private CallOperation[] _single = new CallOperation[1];
    private int _probeBudget = 2;

    /// <summary>What one pass did.</summary>
    /// <param name="Written">Operations written, in order.</param>
    /// <param name="SetAside">Operations found to be poison, each with its last failure.</param>
    /// <param name="Remaining">Operations still to write, in their order.</param>
    /// <param name="LastFailure">The last storage failure seen, when the pass saw one.</param>
    /// <param name="Replaced">The sink reported its storage replaced during the pass.</param>
    public sealed record Pass(List<CallOperation> Written, List<(CallOperation Operation, Exception Error)> SetAside, List<CallOperation> Remaining, Exception? LastFailure, Exception? Replaced);

    /// <summary>Forgets the strikes of operations that are now written.</summary>
    public void Forget(IReadOnlyList<CallOperation> written)
    {
        if (_strikes.Count == 0)
        {
            return;
        }

        foreach (var operation in written)
        {
            _strikes.Remove(operation.OperationId);
        }
    }

    /// <summary>Runs one pass over <paramref name="batch"/>.</summary>
    public async Task<Pass> RunAsync(IReadOnlyList<CallOperation> batch, SinkCall sink, CancellationToken hardStop)
    {
        var pass = new Pass([], [], [], null, null);

        // Held back in this pass, in batch order: the ones that failed, and the later ones on the same call, which
        // must not overtake them (a corrected result written before the result it corrects).
        var held = new List<(CallOperation Operation, int Index, Exception? Error)>();
        var blockedCalls = new HashSet<string>(StringComparer.Ordinal);
        var failures = 0;
        var lastSuccess = -1;
        var next = 0;
        for (; next < batch.Count; next++)
        {
            var operation = batch[next];
            if (blockedCalls.Contains(operation.CallId))
            {
                held.Add((operation, next, null));
                continue;
            }

            // A fresh array each time a write was abandoned: the sink may still be reading the last one.
            var single = _single;
            single[0] = operation;
            SinkCallOutcome outcome;
            try
            {
                outcome = await sink.WriteAsync(single, hardStop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (hardStop.IsCancellationRequested)
            {
                // A hard stop mid-pass: what the pass wrote is still reported (the writer throws after counting it);
                // this operation and the rest remain, for the loop to count as abandoned.
                _single = new CallOperation[1];
                break;
            }

            if (outcome.StillRunning)
            {
                _single = new CallOperation[1];
            }

            switch (outcome.Result)
            {
                case SinkCallResult.Written:
                    pass.Written.Add(operation);
                    lastSuccess = next;
                    continue;
                case SinkCallResult.Unstorable:
                    pass.SetAside.Add((operation, outcome.Error!));
                    continue;
                case SinkCallResult.StorageReplaced:
                    pass = pass with { Replaced = outcome.Error };
                    break;
                default:
                    pass = pass with { LastFailure = outcome.Error };
                    break;
            }

            held.Add((operation, next, outcome.Error));
            blockedCalls.Add(operation.CallId);
            if (outcome.Result == SinkCallResult.StorageReplaced || (lastSuccess < 0 && ++failures >= _probeBudget))
            {
                next++;
                break;
            }
        }

        _probeBudget = lastSuccess >= 0 ? 2 : Math.Min(MaxProbeBudget, _probeBudget * 2);

        foreach (var (operation, index, error) in held)
        {
            if (error is not null && Strike(operation, provenPoison: index < lastSuccess))
            {
                pass.SetAside.Add((operation, error));
            }
            else
            {
                pass.Remaining.Add(operation);
            }
        }

        for (var i = next; i < batch.Count; i++)
        {
            pass.Remaining.Add(batch[i]);
        }

        return pass;
    }

    /// <summary>Counts a strike against a suspect; returns <see langword="true"/> when it is to be set aside.</summary>
    private bool Strike(in CallOperation operation, bool provenPoison)
    {
        var suspect = _strikes.TryGetValue(operation.OperationId, out var strikes);
        if (!suspect && !provenPoison)
        {
            return false;
        }

        strikes++;
        if (strikes < poisonAttempts)
        {
            _strikes[operation.OperationId] = strikes;
            return false;
        }

        _strikes.Remove(operation.OperationId);
        return true;
    }
}
