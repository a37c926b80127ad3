using Microsoft.Data.Sqlite;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// Running figures per row key while the raw SQL groups (a quarter-hour, a band number) are folded into the rows'
/// keys; the key <see langword="null"/> (calls without a value) kept apart.
/// </summary>
internal sealed class Groups<TAcc>
    where TAcc : class, new()
{
    // Enough for every value of a key column; past it (a column of many values) keys are found by value only.
    private const int MaxInstances = 4096;

    private readonly Dictionary<string, TAcc> _byInstance = new(ReferenceEqualityComparer.Instance);

    public Dictionary<string, TAcc> ByKey { get; } = new(StringComparer.Ordinal);

    public TAcc? Null { get; private set; }

    /// <summary>
    /// Counts <paramref name="call"/> with <paramref name="count"/> under its key in <paramref name="by"/>, and by
    /// bookmaker under side B's too when it is not side A's (a call counts once per bookmaker).
    /// </summary>
    public void Add(CallFacts call, CallDimension? by, Action<TAcc, CallFacts> count)
    {
        count(this[call.KeyOf(by)], call);
        if (call.CountsUnderBookmakerB(by))
        {
            count(this[call.BookmakerB], call);
        }
    }

    public TAcc this[string? key]
    {
        get
        {
            if (key is null)
            {
                return Null ??= new TAcc();
            }

            // The one-pass answers give each distinct key as one instance (TextCache): found by reference first.
            if (_byInstance.TryGetValue(key, out var acc))
            {
                return acc;
            }

            if (!ByKey.TryGetValue(key, out acc))
            {
                acc = new TAcc();
                ByKey[key] = acc;
            }

            if (_byInstance.Count < MaxInstances)
            {
                _byInstance[key] = acc;
            }

            return acc;
        }
    }
}

/// <summary>Reading helpers shared by the analytics queries.</summary>
internal static class AnalyticsRead
{
    /// <summary>
    /// Runs <paramref name="read"/> in one read transaction (one snapshot for all its statements, while the sink goes on
    /// writing in WAL mode); <paramref name="empty"/> when the calls table does not exist. Never changes the schema.
    /// </summary>
    public static T InSnapshot<T>(SqliteConnection connection, TableNames t, Func<SqliteTransaction, T> read, Func<T> empty)
    {
        using var transaction = connection.BeginTransaction(deferred: true);
        var result = SqliteSchema.TableExists(connection, t.Plain, transaction) ? read(transaction) : empty();
        transaction.Commit();
        return result;
    }

    public static long Long(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? 0 : reader.GetInt64(ordinal);

    public static double Double(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? 0 : reader.GetDouble(ordinal);

    /// <summary>Throws on cancellation every few thousand rows, so a long read stops soon after it is cancelled.</summary>
    public static void Check(CancellationToken cancellationToken, ref int rows)
    {
        if ((++rows & 0xFFF) == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
