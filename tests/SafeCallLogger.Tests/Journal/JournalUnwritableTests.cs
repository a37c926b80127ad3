using System.Diagnostics;
using SafeCallLogger.Tests.Support;

namespace SafeCallLogger.Tests.Journal;

/// <summary>
/// A journal directory nobody may write (its parent made immutable with <c>chattr +i</c>, as root): the logger says
/// so once, works in memory, and stores every call it accepts.
/// </summary>
public sealed class JournalUnwritableTests : IDisposable
{
    private readonly string _parent = Directory.CreateTempSubdirectory("scl-journal-immutable-").FullName;

    public void Dispose()
    {
        Chattr("-i", _parent);
        Directory.Delete(_parent, recursive: true);
    }

    [Fact]
    public async Task CallLogger_JournalDirectoryCannotBeCreated_RunsInMemoryRaisesJournalUnavailableAndStoresEveryCall()
    {
        Assert.True(Chattr("+i", _parent) == 0, "chattr +i failed: the test needs root and e2fsprogs");
        var alerts = new RecordingAlertHandler();
        var options = new CallLoggerOptions { Journal = { Mode = JournalMode.Durable, Directory = Path.Combine(_parent, "journal") } };
        options.OnAlert(alerts);
        var sink = new RecordingSink();
        await using (var logger = new CallLogger(sink, options))
        {
            Assert.Equal(JournalMode.Off, logger.GetHealth().JournalMode);
            Assert.Equal(Path.Combine(_parent, "journal"), logger.GetHealth().JournalDirectory);
            for (var i = 0; i < 100; i++)
            {
                Assert.True(logger.LogCallSafe(Calls.Arbitrage(i, callId: "unwritable" + i)).IsAccepted);
            }

            Assert.True((await logger.FlushAsync(TestWait.Guard)).Completed);
            Assert.Equal(CallLoggerAlertSeverity.Critical, (await alerts.WaitFor(CallLoggerAlertKind.JournalUnavailable)).Severity);
        }

        Assert.Equal(100, sink.Operations.Count);
        Assert.False(Directory.Exists(Path.Combine(_parent, "journal")));
    }

    private static int Chattr(string flag, string path)
    {
        var start = new ProcessStartInfo("chattr") { RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(flag);
        start.ArgumentList.Add(path);
        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode;
    }
}
