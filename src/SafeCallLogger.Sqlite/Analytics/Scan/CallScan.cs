using System.Runtime.ExceptionServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// <see cref="ICallAnalytics.AnswerAsync"/> on SQLite: every question answered from at most two reads of the calls and
/// one of each per-user table, in one snapshot, instead of one scan per question (a report asks 21). Each call's
/// values are selected with the single queries' own expressions (<see cref="CallFactsSql"/>) and summed into the single
/// queries' own groups (<see cref="ICallFold"/>), so the answers are theirs. The two reads (<see cref="ScanAnswers"/>)
/// run side by side on two connections that share one snapshot (<c>sqlite3_snapshot_open</c>, WAL files); where that
/// is not possible, one after the other in one transaction.
/// </summary>
internal static class CallScan
{
    /// <summary>The answers, or <see langword="null"/> when the file's text encoding is not UTF-8 (the merge relies on UTF-8 order; the caller asks one by one).</summary>
    public static AnalyticsAnswers? Answer(Func<SqliteConnection> open, TableNames t, AnalyticsScope scope, AnalyticsQuestions questions, CancellationToken cancellationToken)
    {
        using var connection = open();
        using (var encoding = connection.CreateCommand())
        {
            encoding.CommandText = "PRAGMA encoding";
            if (encoding.ExecuteScalar() is not "UTF-8")
            {
                return null;
            }
        }

        var answers = new ScanAnswers(scope, questions);
        using var first = ScanConnection.For(connection, ownsConnection: false);
        first.BeginRead();
        if (first.TableExists(t.Plain))
        {
            var calls = answers.CallsPass;
            var users = answers.UsersPass;
            if (calls.HasWork && users.HasWork && ScanConnection.IsOwnFile(connection) && TryShareSnapshot(first, () => ScanConnection.For(open(), ownsConnection: true)) is { } second)
            {
                using (second)
                using (var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    RunSideBySide(
                        () => calls.Run(first, t, failed.Token),
                        () => users.Run(second, t, failed.Token),
                        failed);
                }
            }
            else
            {
                foreach (var pass in new[] { calls, users }.Where(static p => p.HasWork))
                {
                    pass.Run(first, t, cancellationToken);
                }
            }
        }

        first.EndRead();
        return answers.Answers();
    }

    // The second read runs on the thread pool; both are waited for before either connection is closed. When one fails
    // the other is cancelled rather than read to its end, and the failure reported is the first one that is not that
    // cancellation.
    private static void RunSideBySide(Action first, Action second, CancellationTokenSource failed)
    {
        var other = Task.Run(() => Run(second, failed), CancellationToken.None);
        var firstFailure = Run(first, failed);
        var secondFailure = other.GetAwaiter().GetResult();
        var failure = new[] { firstFailure, secondFailure }.FirstOrDefault(static f => f is not null && f.SourceException is not OperationCanceledException)
            ?? firstFailure ?? secondFailure;
        failure?.Throw();
    }

    private static ExceptionDispatchInfo? Run(Action read, CancellationTokenSource failed)
    {
        try
        {
            read();
            return null;
        }
        catch (Exception ex)
        {
            failed.Cancel();
            return ExceptionDispatchInfo.Capture(ex);
        }
    }

    /// <summary>
    /// A second connection whose read transaction sees exactly what <paramref name="first"/>'s does (which has
    /// read, so its view is fixed), or <see langword="null"/> when that cannot be made sure of. In WAL mode SQLite hands
    /// the view over (<c>sqlite3_snapshot_get</c>, <c>sqlite3_snapshot_open</c>), except while the WAL holds no frame
    /// yet; then the first reader reads the file alone and no checkpoint may write into it, so any commit after it stays
    /// in the WAL, where the second reader would find it: if the second cannot take a snapshot either, nothing was
    /// committed between the two. In rollback-journal mode the first reader's shared lock keeps every commit out until
    /// it ends, so the second sees the same file (or waits for a pending writer and is given up).
    /// </summary>
    internal static ScanConnection? TryShareSnapshot(ScanConnection first, Func<ScanConnection> open)
    {
        ScanConnection? second = null;
        try
        {
            var shared = raw.sqlite3_snapshot_get(first.Handle, "main", out var snapshot) == raw.SQLITE_OK;
            using (snapshot)
            {
                second = open();

                // Both on handles of their own or both on the managed connections': a handle of its own opens the file
                // now at the path, a pooled managed connection may hold one that was replaced since.
                if (second.WithoutMutex != first.WithoutMutex)
                {
                    throw new InvalidOperationException("The two reads would not open the file the same way.");
                }

                // A first read opens the second connection's WAL, which sqlite3_snapshot_open needs; it then moves the
                // open read transaction onto the snapshot. It does not wait: in rollback-journal mode a writer waiting
                // on the first reader's lock would keep this one out until it gave up.
                second.BeginRead(wait: false);
                if (shared)
                {
                    if (raw.sqlite3_snapshot_open(second.Handle, "main", snapshot) != raw.SQLITE_OK)
                    {
                        throw new InvalidOperationException("The snapshot could not be opened.");
                    }
                }
                else
                {
                    if (raw.sqlite3_snapshot_get(second.Handle, "main", out var later) == raw.SQLITE_OK)
                    {
                        later.Dispose();
                        throw new InvalidOperationException("A commit came between the two reads.");
                    }
                }
            }

            return second;
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException or EntryPointNotFoundException)
        {
            second?.Dispose();
            return null;
        }
    }
}
