using SafeCallLogger.Journal;

namespace SafeCallLogger.Tests.Journal;

public sealed class JournalSyncTests
{
    [Fact]
    public void Syncer_IntervalElapsedOnTheClock_FlushesOnlyWhenBytesWereAppended()
    {
        using var dir = new TempJournal();
        var time = new FakeTimeProvider(TestClock.Start);
        using var store = dir.Open(sync: TimeSpan.FromSeconds(1), time: time);
        TempJournal.AppendMany(store, 10);
        Assert.Equal(0, store.Syncs);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, store.Syncs);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, store.Syncs);

        TempJournal.AppendMany(store, 1, 11);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, store.Syncs);
        Assert.Null(store.LastError);
    }

    [Fact]
    public async Task Syncer_Continuous_FlushesTheAppendsWithoutTheClock()
    {
        using var dir = new TempJournal();
        using var store = dir.Open(sync: TimeSpan.Zero);
        TempJournal.AppendMany(store, 10);
        await TestWait.Until(() => store.Syncs >= 1, "a flush of the first batch");

        var before = store.Syncs;
        TempJournal.AppendMany(store, 10, 11);
        await TestWait.Until(() => store.Syncs > before, "a flush of the second batch");
        Assert.Null(store.LastError);
    }

    [Fact]
    public void Syncer_Infinite_NeverFlushes()
    {
        using var dir = new TempJournal();
        var time = new FakeTimeProvider(TestClock.Start);
        using var store = dir.Open(sync: Timeout.InfiniteTimeSpan, time: time);
        TempJournal.AppendMany(store, 10);
        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, store.Syncs);
    }
}
