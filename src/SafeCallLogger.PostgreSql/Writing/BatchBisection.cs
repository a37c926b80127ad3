namespace SafeCallLogger.PostgreSql.Internal;

/// <summary>
/// Finds the operation a set-based batch failed on. The batch's statements work on all its operations at once, so the
/// server's error does not say which one it was; the first operation whose prefix fails is. Each probe runs a
/// prefix in a transaction that is rolled back, so nothing is kept, and a binary search needs about log2(n) probes
/// (9 for 500 operations), paid only when a batch holds a record the server refuses.
/// </summary>
internal static class BatchBisection
{
    /// <summary>
    /// The index of the first operation whose prefix raises a data error, with that error; <see langword="null"/> when
    /// the whole batch no longer fails (the error was not the data's). Throws an outage as it comes.
    /// </summary>
    public static async Task<(int Index, Exception Error)?> FindAsync(PgSession session, CallOperation[] operations, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var error = await session.TryPrefixAsync(operations, operations.Length, now, cancellationToken).ConfigureAwait(false);
        if (error is null)
        {
            return null;
        }

        // Invariant: the prefix of length hi fails (with error); the prefix of length lo does not.
        int lo = 0, hi = operations.Length;
        while (hi - lo > 1)
        {
            var mid = lo + ((hi - lo) / 2);
            if (await session.TryPrefixAsync(operations, mid, now, cancellationToken).ConfigureAwait(false) is { } failed)
            {
                hi = mid;
                error = failed;
            }
            else
            {
                lo = mid;
            }
        }

        return (hi - 1, error);
    }
}
