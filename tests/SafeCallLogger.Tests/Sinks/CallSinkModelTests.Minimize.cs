namespace SafeCallLogger.Tests.Sinks;

/// <summary>
/// Makes a failing history as small as it goes: CsCheck keeps the smallest failing history it drew, which can still
/// hold operations that play no part. This removes one operation, one repeated delivery or one batch boundary at a
/// time, keeping each removal after which the sink still differs, until none can go.
/// </summary>
public abstract partial class CallSinkModelTests
{
    private async Task<(ModelSequence Sequence, string Difference)> MinimizeAsync(ModelSequence failing, string difference)
    {
        var shrunk = true;
        while (shrunk)
        {
            shrunk = false;
            foreach (var candidate in Smaller(failing))
            {
                if (await DifferenceAsync(candidate) is { } found)
                {
                    (failing, difference, shrunk) = (candidate, found, true);
                    break;
                }
            }
        }

        return (failing, difference);
    }

    private async Task<string?> DifferenceAsync(ModelSequence sequence)
    {
        try
        {
            await RunAsync(sequence);
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ex.Message;
        }
    }

    // Every history one step smaller that still keeps the writer's promises (first deliveries in logging order).
    // Merging a restart (an empty batch) into its neighbour removes the restart.
    private static IEnumerable<ModelSequence> Smaller(ModelSequence s)
    {
        for (var op = 0; op < s.Operations.Length && s.Operations.Length > 1; op++)
        {
            var removed = op;
            yield return new ModelSequence(
                [.. s.Operations.Where((_, i) => i != removed)],
                Without(s.ModelBatches, removed),
                Without(s.SinkBatches, removed));
        }

        for (var b = 0; b < s.SinkBatches.Length; b++)
        {
            for (var k = 0; k < s.SinkBatches[b].Length; k++)
            {
                if (DeliveredBefore(s.SinkBatches, b, k))
                {
                    var batches = s.SinkBatches.Select(static x => x.ToList()).ToArray();
                    batches[b].RemoveAt(k);
                    var emptied = b;
                    yield return s with { SinkBatches = [.. batches.Where((x, i) => x.Count > 0 || i != emptied).Select(static x => x.ToArray())] };
                }
            }
        }

        for (var b = 0; b + 1 < s.SinkBatches.Length; b++)
        {
            yield return s with { SinkBatches = Merged(s.SinkBatches, b) };
        }

        for (var b = 0; b + 1 < s.ModelBatches.Length; b++)
        {
            yield return s with { ModelBatches = Merged(s.ModelBatches, b) };
        }
    }

    private static bool DeliveredBefore(int[][] batches, int batch, int position)
    {
        var op = batches[batch][position];
        return batches.Take(batch).Any(b => b.Contains(op)) || batches[batch].Take(position).Contains(op);
    }

    // A batch left empty goes; an empty batch that was there (a restart) stays.
    private static int[][] Without(int[][] batches, int op) =>
        [.. batches.Where(b => b.Length == 0 || b.Any(i => i != op)).Select(b => b.Where(i => i != op).Select(i => i > op ? i - 1 : i).ToArray())];

    private static int[][] Merged(int[][] batches, int first) =>
        [.. batches.Take(first), [.. batches[first], .. batches[first + 1]], .. batches.Skip(first + 2)];
}
