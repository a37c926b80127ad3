using Microsoft.Data.Sqlite;
using SafeCallLogger.Analytics;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// <see cref="ICallAnalytics.AnswerAsync"/> on SQLite: every question answered from one read of the calls and one of
/// each per-user table, in one snapshot, instead of one scan per question (a report asks 21). Each call's values are
/// selected with the single queries' own expressions (<see cref="CallFactsSql"/>) and summed into the single queries'
/// own groups (<see cref="ICallFold"/>), so the answers are theirs. When a question needs the per-user rows (user
/// preferences, retention, time to first click), the calls are read in <c>call_id</c> order and merged with the
/// per-user tables read in their primary-key order (<see cref="PerUserRows"/>).
/// </summary>
internal static class CallScan
{
    /// <summary>The answers, or <see langword="null"/> when the file's text encoding is not UTF-8 (the merge relies on UTF-8 order; the caller asks one by one).</summary>
    public static AnalyticsAnswers? Answer(SqliteConnection connection, TableNames t, AnalyticsScope scope, AnalyticsQuestions questions, CancellationToken cancellationToken)
    {
        using (var encoding = connection.CreateCommand())
        {
            encoding.CommandText = "PRAGMA encoding";
            if (encoding.ExecuteScalar() is not "UTF-8")
            {
                return null;
            }
        }

        var answers = new ScanAnswers(scope, questions);
        return AnalyticsRead.InSnapshot(
            connection,
            t,
            transaction =>
            {
                Read(connection, transaction, t, scope, answers, cancellationToken);
                return answers.Answers();
            },
            answers.Answers);
    }

    private static void Read(SqliteConnection connection, SqliteTransaction transaction, TableNames t, AnalyticsScope scope, ScanAnswers answers, CancellationToken cancellationToken)
    {
        if (!answers.AnythingAsked)
        {
            return;
        }

        var hasNotified = answers.NeedsNotified && SqliteSchema.TableExists(connection, t.NotifiedUsersPlain, transaction);
        var hasClicks = answers.NeedsClicks && SqliteSchema.TableExists(connection, t.ClicksPlain, transaction);
        var merge = hasNotified || hasClicks;
        var facts = new CallFacts(scope, answers.Dimensions);
        using var notified = hasNotified ? PerUserRows.Open(connection, t.NotifiedUsers, answers.NeedsNotifiedTimes ? "notified_at" : null, cancellationToken) : null;
        using var clicks = hasClicks ? PerUserRows.Open(connection, t.Clicks, answers.NeedsClickTimes ? "first_clicked_at" : null, cancellationToken) : null;
        using var calls = new RawRows(connection, facts.Sql(t, allCalls: merge, byId: merge), scope.Parameters());
        var notifiedRows = new List<PerUserRow>();
        var clickRows = new List<PerUserRow>();
        var rows = 0;
        while (calls.Step())
        {
            AnalyticsRead.Check(cancellationToken, ref rows);
            facts.Read(calls);
            if (merge && facts.HasId)
            {
                notified?.Take(facts.Id, notifiedRows, answers.UnmatchedNotified);
                clicks?.Take(facts.Id, clickRows, answers.UnmatchedClick);
            }
            else
            {
                notifiedRows.Clear();
                clickRows.Clear();
            }

            if (facts.InScope)
            {
                answers.Add(facts, notifiedRows, clickRows);
            }
        }

        notified?.Drain(answers.UnmatchedNotified);
        clicks?.Drain(answers.UnmatchedClick);
    }
}
