using SafeCallLogger.Sqlite.Internal;

namespace SafeCallLogger.Sqlite;

/// <content>The dead letters: reading them and applying them again once their cause is fixed.</content>
public sealed partial class SqliteCallStore
{
    /// <summary>
    /// Reads the dead letters (operations storage refused for what they hold, kept by <see cref="SqliteCallSink"/> in
    /// <c>{table}_dead_letters</c>), oldest first, at most <paramref name="limit"/>. Empty when there are none or the
    /// table does not exist yet; never changes the schema. Throws when the database cannot be read or on cancellation.
    /// </summary>
    /// <param name="limit">The most letters returned; the default is 1,000.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public Task<IReadOnlyList<DeadLetter>> GetDeadLettersAsync(int limit = 1000, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return Task.Run<IReadOnlyList<DeadLetter>>(
            () =>
            {
                using var connection = Open();
                return DeadLetterQuery.Read(connection, _names, limit, cancellationToken);
            },
            cancellationToken);
    }

    /// <summary>
    /// Applies the dead letters again (oldest first, at most <paramref name="limit"/>) through the sink's own write
    /// path, once the cause is fixed (a constraint dropped, a column widened): each letter in its own transaction
    /// with the deletion of its row, so a letter is either stored and removed or kept. Operation ids are applied at
    /// most once, so a letter already applied is just removed and replaying twice does no harm. Runs beside a live
    /// sink (its own connection, the write lock taken per letter). Returns how many were applied and how many are
    /// still refused. Throws when the database cannot be written or on cancellation (letters applied so far stay applied).
    /// </summary>
    /// <param name="limit">The most letters replayed in this call; the default is 1,000.</param>
    /// <param name="cancellationToken">Stops between two letters.</param>
    public Task<DeadLetterReplayResult> ReplayDeadLettersAsync(int limit = 1000, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return Task.Run(() => DeadLetterReplay.Run(_connectionString, _options, _names, _time, limit, cancellationToken), cancellationToken);
    }
}
