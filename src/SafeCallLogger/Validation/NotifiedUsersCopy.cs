using System.Runtime.InteropServices;

namespace SafeCallLogger.Validation;

/// <summary>
/// Copies <see cref="CallRecord.NotifiedUserIds"/> into a private array on the caller's thread, so that a bot reusing one
/// recipients list for every broadcast cannot change a call after it was logged.
/// </summary>
internal static class NotifiedUsersCopy
{
    private const string Field = "notified_user_ids";

    /// <summary>
    /// Copies <paramref name="ids"/>, reading it once. A list whose <c>Count</c> is negative, over
    /// <paramref name="max"/>, or not what its enumerator yields is rejected; so is one whose enumerator throws.
    /// </summary>
    public static (RejectionReason Reason, string? Field) Copy(IReadOnlyList<long> ids, int max, out long[] copy)
    {
        copy = [];
        try
        {
            // The two shapes bots pass: their Count cannot lie (arrays cannot be derived from, and the exact-type check
            // excludes a List<long> subclass re-implementing the interface), so a block copy is exact and allocates
            // only the copy.
            if (ids is long[] array)
            {
                return CopySpan(array, max, out copy);
            }

            if (ids.GetType() == typeof(List<long>))
            {
                return CopySpan(CollectionsMarshal.AsSpan((List<long>)ids), max, out copy);
            }

            return CopyEnumerated(ids, max, out copy);
        }
        catch (Exception)
        {
            copy = [];
            return (RejectionReason.UnreadableInput, Field);
        }
    }

    private static (RejectionReason Reason, string? Field) CopySpan(ReadOnlySpan<long> ids, int max, out long[] copy)
    {
        if (ids.Length > max)
        {
            copy = [];
            return (RejectionReason.TooManyNotifiedUsers, Field);
        }

        copy = ids.ToArray();
        return (RejectionReason.None, null);
    }

    private static (RejectionReason Reason, string? Field) CopyEnumerated(IReadOnlyList<long> ids, int max, out long[] copy)
    {
        copy = [];
        var count = ids.Count;
        if (count < 0)
        {
            return (RejectionReason.NegativeValue, Field);
        }

        if (count > max)
        {
            return (RejectionReason.TooManyNotifiedUsers, Field);
        }

        // Count only sizes the buffer (it is at most max); the enumeration decides what is copied, and it is stopped as
        // soon as it yields more than Count said, so a lying list cannot make this loop run away.
        var buffer = count == 0 ? [] : new long[count];
        var n = 0;
        foreach (var id in ids)
        {
            if (n == buffer.Length)
            {
                return (RejectionReason.NotifiedUsersCountMismatch, Field);
            }

            buffer[n++] = id;
        }

        if (n != count)
        {
            return (RejectionReason.NotifiedUsersCountMismatch, Field);
        }

        copy = buffer;
        return (RejectionReason.None, null);
    }
}
