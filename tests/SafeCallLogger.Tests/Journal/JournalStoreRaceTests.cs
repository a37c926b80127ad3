using System.Reflection;
using SafeCallLogger.Journal;

namespace SafeCallLogger.Tests.Journal;

/// <summary>Review 9: the store under appends from many threads racing the writer's reads and commits, and its disposal.</summary>
public sealed class JournalStoreRaceTests
{
    /// <summary>
    /// An appender's poke takes the continuous syncer's sleeping flag, then is preempted before it releases the
    /// semaphore; the store is disposed meanwhile (the syncer's thread woken by the dispose itself, joined, the
    /// semaphore disposed). The late release threw <see cref="ObjectDisposedException"/> out of TryAppend, after the
    /// record was appended: the caller was told Rejected (UnreadableInput) for a call that is in the journal, and
    /// Accepted stayed counted for it. The flag is set by hand here: that is the state the preempted poke resumes in.
    /// </summary>
    [Fact]
    public void Poke_ByAnAppenderThatTookTheSleepingFlagBeforeDispose_DoesNotThrow()
    {
        var syncer = new JournalSyncer(TimeSpan.Zero, () => { }, () => false, TimeProvider.System);
        syncer.Dispose();
        typeof(JournalSyncer).GetField("_sleeping", BindingFlags.Instance | BindingFlags.NonPublic)!.SetValue(syncer, 1);

        var error = Record.Exception(syncer.Poke);

        Assert.Null(error);
    }
}
