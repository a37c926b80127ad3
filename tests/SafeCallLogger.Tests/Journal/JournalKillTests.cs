using System.Diagnostics;
using SafeCallLogger.Journal;

namespace SafeCallLogger.Tests.Journal;

/// <summary>
/// The real crash: a child process appends to a journal, commits part of it, and is killed with SIGKILL (no
/// dispose, no flush: sync is off). What the child copied into its mappings must be there for the next open. The
/// child is this test assembly run with <c>dotnet exec</c> and entered through the runtime's startup hook (the
/// global StartupHook type in JournalKillChildHook.cs), so no extra project has to be built.
/// </summary>
public sealed class JournalKillTests
{
    internal const string DirectoryVariable = "SCL_JOURNAL_KILL_CHILD_DIR";
    private const int Appended = 3_000;
    private const int Committed = 1_000;

    [Fact]
    public async Task TryAppend_ProcessKilledWithSigkill_ReopenReplaysExactlyTheUncommittedRecords()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var dir = new TempJournal();
        var assembly = typeof(JournalKillTests).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "exec", assembly },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            Environment = { ["DOTNET_STARTUP_HOOKS"] = assembly, [DirectoryVariable] = dir.Path },
        };
        using (var child = Process.Start(start)!)
        {
            // The child says when it has appended and committed; no sleep, no timing.
            Assert.Equal($"ready {Appended}", await child.StandardOutput.ReadLineAsync().WaitAsync(TestWait.Guard));
            child.Kill();
            await child.WaitForExitAsync().WaitAsync(TestWait.Guard);
            Assert.Equal(128 + 9, child.ExitCode);
        }

        // Read straight from the files the dead process left, before any recovery touched them.
        Assert.Equal(Appended - Committed, JournalReplay.Read(dir.Path, Committed, long.MaxValue).Count());

        using var reopened = dir.Open(segmentBytes: 16 * 1024);
        var replayed = TempJournal.ReadAll(reopened);

        Assert.Equal(Committed, reopened.CommittedSequence);
        Assert.Equal(Appended, reopened.LastSequence);
        Assert.Equal(Enumerable.Range(Committed + 1, Appended - Committed).Select(i => (long)i), replayed.Select(r => r.Sequence));
        Assert.All(replayed, r => Assert.Equal(ChildOperation((int)r.Sequence), r.Operation));
        Assert.Equal(0, reopened.Recovery.TruncatedTailBytes);
        Assert.Equal(0, reopened.Recovery.CorruptRecords);
    }

    /// <summary>The child's side: appends, commits, says so, then waits to be killed (or for the parent to go).</summary>
    internal static void RunChild(string directory)
    {
        var store = JournalStore.Open(directory, TempJournal.Settings(segmentBytes: 16 * 1024), TimeProvider.System);
        for (var i = 1; i <= Appended; i++)
        {
            if (store.TryAppend(ChildOperation(i), out _) != JournalAppendResult.Appended)
            {
                Console.Out.WriteLine($"failed {i}: {store.LastError}");
                Environment.Exit(2);
            }
        }

        store.Commit(Committed); // wholly committed segments: the durable checkpoint is written at once
        Console.Out.WriteLine($"ready {Appended}");
        Console.Out.Flush();
        Console.In.ReadLine();
        GC.KeepAlive(store);
        Environment.Exit(3);
    }

    /// <summary>The operation the child appends as sequence <paramref name="i"/>: the parent knows it without being told.</summary>
    private static CallOperation ChildOperation(int i) => TempJournal.Operation(i) with
    {
        OperationId = new Guid(i, 0x5c1, 0x7e57, 0, 0, 0, 0, 0, 0, 0, 0),
    };
}
