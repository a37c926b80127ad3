using System.Diagnostics;
using SafeCallLogger.Journal;

namespace SafeCallLogger.Tests.Journal;

public sealed class JournalLockAndInspectorTests
{
    [Fact]
    public void Open_SecondOpenerInTheSameProcess_ThrowsJournalLockedNamingTheDirectory()
    {
        using var dir = new TempJournal();
        using var first = dir.Open();

        var locked = Assert.Throws<JournalLockedException>(() => dir.Open());

        Assert.Equal(Path.GetFullPath(dir.Path), locked.Directory);
        Assert.Contains(Path.GetFullPath(dir.Path), locked.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_AfterTheFirstOpenerClosed_Succeeds()
    {
        using var dir = new TempJournal();
        dir.Open().Dispose();
        using var second = dir.Open();
        Assert.Equal(0, second.LastSequence);
    }

    [Fact]
    public void Open_LockHeldByAnotherProcessWithFlock_ThrowsJournalLocked()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/flock"))
        {
            return;
        }

        using var dir = new TempJournal();
        var lockFile = Path.Combine(dir.Path, JournalFiles.LockName);
        var start = new ProcessStartInfo("/usr/bin/flock")
        {
            ArgumentList = { "--exclusive", "--nonblock", lockFile, "-c", "echo held; exec cat" },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        };
        using var holder = Process.Start(start)!;
        try
        {
            // The child prints once it holds the lock, and keeps it until its stdin closes: no sleep, no timing.
            Assert.Equal("held", holder.StandardOutput.ReadLine());

            Assert.Throws<JournalLockedException>(() => dir.Open());
        }
        finally
        {
            holder.StandardInput.Close();
            holder.WaitForExit();
        }

        using var afterward = dir.Open();
        Assert.Equal(0, afterward.LastSequence);
    }

    [Fact]
    public void Open_LockHeldByThisJournal_ConflictsWithFlockInAnotherProcess()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/flock"))
        {
            return;
        }

        using var dir = new TempJournal();
        using var store = dir.Open();
        using var probe = Process.Start(new ProcessStartInfo("/usr/bin/flock")
        {
            ArgumentList = { "--exclusive", "--nonblock", Path.Combine(dir.Path, JournalFiles.LockName), "true" },
        })!;
        probe.WaitForExit();

        Assert.Equal(1, probe.ExitCode);
    }

    [Fact]
    public void Inspect_PendingAfterACheckpoint_ReportsSegmentsBytesPendingAndOldestAge()
    {
        using var dir = new TempJournal();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 24, 8, 0, 0, TimeSpan.Zero));
        using (var store = dir.Open(segmentBytes: 4 * 1024, time: time))
        {
            for (var i = 1; i <= 300; i++)
            {
                time.Advance(TimeSpan.FromSeconds(1));
                TempJournal.Append(store, TempJournal.Operation(i));
            }

            store.Commit(120);

            // While the writer holds the lock: read-only, so it works and changes nothing.
            var status = JournalInspector.Inspect(dir.Path);
            Assert.Equal(180, status.PendingRecords);
            Assert.Equal(store.TotalBytes, status.Bytes);
            Assert.Equal(store.SegmentCount, status.Segments);
        }

        var closed = JournalInspector.Inspect(dir.Path);

        Assert.Equal(120, closed.CommittedSequence);
        Assert.Equal(300, closed.LastSequence);
        Assert.Equal(180, closed.PendingRecords);
        Assert.Equal(new DateTimeOffset(2026, 12, 24, 8, 2, 1, TimeSpan.Zero), closed.OldestPendingAppendedAt);
        Assert.Equal(JournalFiles.Segments(dir.Path).Sum(s => new FileInfo(s.Path).Length), closed.Bytes);
        Assert.Equal(0, closed.CorruptRecords);
        Assert.Equal(0, closed.TailBytes);
    }

    [Fact]
    public void Inspect_TornTail_ReportsItWithoutCuttingIt()
    {
        using var dir = new TempJournal();
        using (var store = dir.Open())
        {
            TempJournal.AppendMany(store, 10);
        }

        var segment = dir.Segments()[^1].Path;
        var length = new FileInfo(segment).Length;
        using (var stream = new FileStream(segment, FileMode.Open, FileAccess.Write))
        {
            stream.SetLength(length - 3);
        }

        var status = JournalInspector.Inspect(dir.Path);

        Assert.Equal(9, status.PendingRecords);
        Assert.True(status.TailBytes > 0);
        Assert.Equal(length - 3, new FileInfo(segment).Length);
    }

    [Fact]
    public void Inspect_EmptyDirectory_ReportsZeros()
    {
        using var dir = new TempJournal();
        var status = JournalInspector.Inspect(dir.Path);
        Assert.Equal(0, status.Segments);
        Assert.Equal(0, status.PendingRecords);
        Assert.Null(status.OldestPendingAppendedAt);
    }
}
