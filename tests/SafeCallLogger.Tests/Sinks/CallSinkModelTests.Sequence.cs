using System.Globalization;
using System.Text;
using CsCheck;

namespace SafeCallLogger.Tests.Sinks;

/// <summary>
/// One random history for <see cref="CallSinkModelTests"/>: the operations in logging order, the batches the model
/// (a fresh <see cref="InMemoryCallSink"/>) is given them in, and the batches the sink under test is given: split
/// elsewhere, with retried batches and journal-style replays (the same operation ids again) mixed in.
/// </summary>
/// <param name="Operations">Every operation once, in logging order; operation <c>#i</c> has a readable id ending in <c>i</c>.</param>
/// <param name="ModelBatches">Indexes into <paramref name="Operations"/>: each operation once, in order, split one way.</param>
/// <param name="SinkBatches">
/// Indexes into <paramref name="Operations"/> as the writer delivers them: each operation's first delivery is in
/// logging order (the writer's promise), and an operation delivered again is always one delivered before. An empty
/// batch is a restart: the sink is disposed and a new one opened on the same storage, when the storage outlives it.
/// </param>
public sealed record ModelSequence(CallOperation[] Operations, int[][] ModelBatches, int[][] SinkBatches)
{
    /// <summary>The calls the operations are about; some get an upsert late or never (their operations wait).</summary>
    public static readonly string[] CallIds = ["c0", "c1", "c2"];

    private static readonly DateTimeOffset Start = new(2026, 3, 14, 18, 30, 0, TimeSpan.Zero);
    private static readonly Odds[] TakenA = [2.10, 2.5, Odds.FromAmerican(-120)];
    private static readonly Odds[] TakenB = [2.05, Odds.FromAmerican(+130), 1.9];
    private static readonly Odds[] Closing = [2.0, 1.8, Odds.FromAmerican(+150), Odds.FromAmerican(-110), 3.25];
    private static readonly double?[] Profits = [null, 4.25, -1.5, 0.0];
    private static readonly string?[] RawData = [null, "{\"edge\":1.5}", "{\"edge\":2,\"books\":[\"a\",\"b\"]}"];

    // (kind, call, a, b, c, users): small numbers shrink toward an upsert of c0 by user 0.
    private static readonly Gen<(int, int, int, int, int, int)> OperationSpec =
        CsCheck.Gen.Select(CsCheck.Gen.Int[0, 9], CsCheck.Gen.Int[0, 2], CsCheck.Gen.Int[0, 4], CsCheck.Gen.Int[0, 4], CsCheck.Gen.Int[0, 3], CsCheck.Gen.Int[0, 7]);

    // (new operations, replay kind or restart after, how far back, put the replay first): how the writer delivers the next batch.
    private static readonly Gen<(int, int, int, bool)> DeliveryStep =
        CsCheck.Gen.Select(CsCheck.Gen.Int[0, 5], CsCheck.Gen.Int[0, 5], CsCheck.Gen.Int[0, 6], CsCheck.Gen.Bool);

    // After the generators it combines: static fields are set in the order they are written.
    /// <summary>Every history, small first so a failure shrinks to a few operations.</summary>
    public static readonly Gen<ModelSequence> Gen = CsCheck.Gen.Select(
        OperationSpec.Array[1, 30],
        CsCheck.Gen.Int[1, 6].Array[0, 12],
        DeliveryStep.Array[0, 16],
        Build);

    /// <summary>The history as a person reads it: each operation, then both ways of batching them.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{Operations.Length} operations:");
        for (var i = 0; i < Operations.Length; i++)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  #{i} {Describe(Operations[i])}");
        }

        text.AppendLine("model batches: " + Batches(ModelBatches));
        text.Append("sink batches:  " + Batches(SinkBatches));
        return text.ToString();
    }

    /// <summary>One operation, e.g. <c>click c1 by user 2</c>.</summary>
    public static string Describe(CallOperation op) => op.Kind switch
    {
        CallOperationKind.UpsertCall => string.Create(CultureInfo.InvariantCulture,
            $"upsert {op.CallId} notified {op.UsersNotified} users [{string.Join(",", op.Call!.NotifiedUserIds ?? [])}] odds {Show(op.Call.OddsA)}/{Show(op.Call.OddsB)} sent {op.Timestamp:HH:mm} speed {Show(op.Call.LineMovementSpeed)} raw {op.RawDataJson ?? "null"}"),
        CallOperationKind.AddClick => $"click {op.CallId} by " + (op.UserId is { } user ? "user " + user.ToString(CultureInfo.InvariantCulture) : "no user id"),
        CallOperationKind.SetResult => string.Create(CultureInfo.InvariantCulture, $"result {op.CallId} {op.Outcome.ToStorageValue()} profit {(op.Profit is { } p ? p.ToString(CultureInfo.InvariantCulture) : "null")}"),
        _ => $"closing {op.CallId} {Show(op.ClosingLineA)}/{Show(op.ClosingLineB)} speed {Show(op.LineMovementSpeed)}",
    };

    private static string Show(Odds odds) => odds.Format == OddsFormat.American
        ? odds.Value.ToString("+0;-0", CultureInfo.InvariantCulture)
        : odds.Value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Show(LineMovementSpeed? speed) => speed?.ToStorageValue() ?? "null";

    private static string Batches(int[][] batches) => string.Join(" ", batches.Select(static b => b.Length == 0
        ? "restart"
        : "[" + string.Join(" ", b.Select(static i => "#" + i.ToString(CultureInfo.InvariantCulture))) + "]"));

    private static ModelSequence Build((int, int, int, int, int, int)[] specs, int[] modelSizes, (int, int, int, bool)[] steps)
    {
        var operations = specs.Select(Operation).ToArray();
        return new ModelSequence(operations, Split(operations.Length, modelSizes), Deliver(operations.Length, steps));
    }

    private static CallOperation Operation((int Kind, int Call, int A, int B, int C, int Users) spec, int index)
    {
        var id = CallIds[spec.Call];
        var op = new CallOperation
        {
            // Readable in a failure, unique per operation, the same on every delivery.
            OperationId = Guid.Parse(string.Create(CultureInfo.InvariantCulture, $"00000000-0000-0000-0000-{index:D12}")),
            CallId = id,
            Timestamp = Start.AddMinutes(index),
        };
        LineMovementSpeed? speed = spec.C == 0 ? null : (LineMovementSpeed)spec.C;
        return spec.Kind switch
        {
            <= 2 => op with
            {
                Kind = CallOperationKind.UpsertCall,
                Call = Call(id, spec, speed),
                RawDataJson = RawData[spec.B % RawData.Length],
                UsersNotified = spec.A + spec.B,
            },
            <= 6 => op with { Kind = CallOperationKind.AddClick, UserId = spec.A == 0 ? null : spec.A % 3 },
            <= 8 => op with { Kind = CallOperationKind.SetResult, Outcome = (CallOutcome)(spec.A % 4), Profit = Profits[spec.B % Profits.Length] },
            _ => op with { Kind = CallOperationKind.SetClosingLines, ClosingLineA = Closing[spec.A], ClosingLineB = Closing[spec.B], LineMovementSpeed = speed },
        };
    }

    private static CallRecord Call(string id, (int Kind, int Call, int A, int B, int C, int Users) spec, LineMovementSpeed? speed)
    {
        // A caller-supplied id may come back with other odds or speed: the first send's record is the one kept.
        var users = Enumerable.Range(0, 3).Where(u => (spec.Users & (1 << u)) != 0).Select(static u => (long)u).ToArray();
        return new CallRecord
        {
            CallId = id,
            CallType = CallType.Arbitrage,
            Sport = "basketball_nba",
            League = "NBA",
            TeamA = "Lakers",
            TeamB = "Celtics",
            BookmakerA = "bet365",
            BookmakerB = "pinnacle",
            OddsA = TakenA[spec.Kind],
            OddsB = TakenB[spec.Kind],
            RoiPercent = 3.7,
            AlertSentAt = Start,
            LineMovementSpeed = speed,
            NotifiedUserIds = users.Length == 0 ? null : users,
        };
    }

    private static int[][] Split(int count, int[] sizes)
    {
        var batches = new List<int[]>();
        var next = 0;
        for (var s = 0; next < count; s++)
        {
            var size = Math.Min(count - next, s < sizes.Length ? sizes[s] : count);
            batches.Add(Enumerable.Range(next, size).ToArray());
            next += size;
        }

        return [.. batches];
    }

    private static int[][] Deliver(int count, (int New, int Replay, int Back, bool First)[] steps)
    {
        var batches = new List<int[]>();
        var next = 0;
        foreach (var step in steps)
        {
            if (next == count)
            {
                break;
            }

            var fresh = Enumerable.Range(next, Math.Min(step.New, count - next)).ToArray();
            int[] again = next == 0 ? [] : step.Replay switch
            {
                // The writer retries the batch it wrote last (its commit was not acknowledged).
                1 when batches.Count > 0 => batches[^1],

                // A journal replays everything from its checkpoint on, then carries on with what is new.
                2 => Enumerable.Range(Math.Max(0, next - 1 - step.Back), Math.Min(next, 1 + step.Back)).ToArray(),

                // One operation seen before, wherever it lands in the batch.
                3 => [next - 1 - (step.Back % next)],
                _ => Array.Empty<int>(),
            };
            int[] batch = step.First || step.Replay == 2 ? [.. again, .. fresh] : [.. fresh, .. again];
            if (batch.Length > 0)
            {
                batches.Add(batch);
                next += fresh.Length;

                // The process restarts: a new sink on the same storage (an empty batch marks it; none is written).
                if (step.Replay == 5)
                {
                    batches.Add([]);
                }
            }
        }

        if (next < count)
        {
            batches.Add(Enumerable.Range(next, count - next).ToArray());
        }

        return [.. batches];
    }
}
