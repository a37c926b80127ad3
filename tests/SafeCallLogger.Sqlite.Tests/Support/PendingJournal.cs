using System.Text.RegularExpressions;
using SafeCallLogger.Journal;

namespace SafeCallLogger.Sqlite.Tests.Support;

/// <summary>
/// A journal with records no sink committed, made for real: a durable child logging while another process holds the
/// database's write lock, killed with SIGKILL. Then a restart: an in-process logger on the same database.
/// </summary>
internal static partial class PendingJournal
{
    public const string Prefix = "d-";

    /// <summary>Makes the journal beside <paramref name="db"/>; returns its directory and the ids the child acknowledged.</summary>
    public static async Task<(string Directory, string[] Acknowledged)> CreateAsync(TempDatabase db, int calls = 1_000)
    {
        await ExistingDatabase.CreateAsync(db.ConnectionString);
        string[] acknowledged;
        using (var holder = await WriteLockHolder.HoldAsync(db.Path))
        {
            using var child = CrashChildProcess.Start("--db", db.Path, "--mode", "durable", "--rate", "2000", "--prefix", Prefix);
            await child.WaitForCallsAsync(calls);
            await child.KillAsync();
            acknowledged = [.. child.Accepted];
            await holder.ReleaseAsync();
        }

        var journal = db.Path + ".journal";
        Assert.True(Directory.Exists(journal), $"the durable child left no journal at {journal} ({acknowledged.Length} calls acknowledged)");
        var status = JournalInspector.Inspect(journal);
        Assert.True(status.PendingRecords >= acknowledged.Length, $"{acknowledged.Length} calls acknowledged, {status.PendingRecords} pending in the journal: {status}");
        Assert.Equal(0, status.CorruptRecords);
        return (journal, acknowledged);
    }

    /// <summary>The call id a record's payload carries.</summary>
    public static string CallIdOf(JournalSegmentFile.Record record) => IdPattern().Match(record.Payload).Value;

    /// <summary>A restart in durable mode: replays the journal, stores one call of its own, ends normally; returns its health.</summary>
    public static async Task<CallLoggerHealth> RestartAsync(TempDatabase db, string ownCall)
    {
        await using var sink = new SqliteCallSink(db.ConnectionString);
        await using var logger = new CallLogger(sink, new CallLoggerOptions { Journal = { Mode = JournalMode.Durable } });
        Assert.True(logger.LogCallSafe(TestData.Call(ownCall)).IsAccepted);
        await TestWait.Until(() => logger.GetHealth().JournalPending == 0, "the journal replayed");
        Assert.True((await logger.FlushAsync(TestWait.Guard)).Completed);
        return logger.GetHealth();
    }

    [GeneratedRegex(Prefix + @"\d{8}")]
    private static partial Regex IdPattern();
}
