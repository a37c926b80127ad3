using SafeCallLogger.Journal;
using SafeCallLogger.Sqlite.Tests.Support;

namespace SafeCallLogger.Sqlite.Tests.Journal;

/// <summary>
/// A journal damaged while no process had it open (a bad sector, a write torn by a power loss): the restart skips the
/// damaged record, replays every other one once, and starts again cleanly the time after (no crash loop).
/// </summary>
public sealed class JournalDamageTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task CorruptByteInASegment_Restart_SkipsCountsAndKeepsAsideThatRecordAndStoresEveryOtherAcknowledgedCallOnce()
    {
        var (journal, acknowledged) = await PendingJournal.CreateAsync(_db);
        var segment = JournalSegmentFile.Segments(journal)[0];
        var records = JournalSegmentFile.Records(segment);
        Assert.True(records.Count >= 3, $"{records.Count} records in {segment}");
        var victim = records[records.Count / 2];
        var victimId = PendingJournal.CallIdOf(victim);
        JournalSegmentFile.FlipPayloadByte(segment, victim);
        Assert.Equal(1, JournalInspector.Inspect(journal).CorruptRecords);

        var health = await PendingJournal.RestartAsync(_db, "restart-1");

        Assert.Equal(1, health.JournalCorrupt);
        Assert.Single(Directory.GetFiles(Path.Combine(journal, "corrupt"), "*.bad"));
        var after = JournalInspector.Inspect(journal);
        Assert.True(after.PendingRecords == 0 && after.KeptAsideRecords == 1, after.ToString());
        await AssertStoredOnceExceptAsync(acknowledged, victimId);
        await AssertRestartsCleanlyAsync();
    }

    [Fact]
    public async Task TornTail_Restart_CutsTheHalfRecordOffAndStoresEveryOtherAcknowledgedCallOnce()
    {
        var (journal, acknowledged) = await PendingJournal.CreateAsync(_db);
        var segment = JournalSegmentFile.Segments(journal)[^1];
        var records = JournalSegmentFile.Records(segment);
        Assert.NotEmpty(records);
        var torn = records[^1];
        var tornId = PendingJournal.CallIdOf(torn);
        JournalSegmentFile.CutInHalf(segment, torn);
        var damaged = JournalInspector.Inspect(journal);
        Assert.True(damaged.TailBytes == torn.Length / 2 && damaged.CorruptRecords == 0, damaged.ToString());

        var health = await PendingJournal.RestartAsync(_db, "restart-1");

        Assert.True(health.Replayed >= records.Count - 1, $"replayed {health.Replayed} of the {records.Count - 1} whole records left");
        var after = JournalInspector.Inspect(journal);
        Assert.True(after.PendingRecords == 0 && after.TailBytes == 0 && after.CorruptRecords == 0, after.ToString());
        await AssertStoredOnceExceptAsync(acknowledged, tornId);
        await AssertRestartsCleanlyAsync();
    }

    /// <summary>Every acknowledged call stored exactly once but the damaged one, which is not stored at all.</summary>
    private async Task AssertStoredOnceExceptAsync(string[] acknowledged, string damagedId)
    {
        var stored = await StoredCalls.ReadAsync(_db.Path);
        var missing = stored.Missing(acknowledged.Where(id => id != damagedId));
        var twice = stored.StoredMoreThanOnce(acknowledged);
        Assert.True(
            missing.Count == 0 && twice.Count == 0 && !stored.Contains(damagedId),
            $"{missing.Count} of {acknowledged.Length} acknowledged calls missing ({StoredCalls.Sample(missing)}), {twice.Count} stored more than once ({StoredCalls.Sample(twice)}), damaged {damagedId} stored: {stored.Contains(damagedId)}");
    }

    /// <summary>The restart after: the same journal opens, the logger runs and stores, nothing is left to replay.</summary>
    private async Task AssertRestartsCleanlyAsync()
    {
        var health = await PendingJournal.RestartAsync(_db, "restart-2");
        Assert.True(health.JournalMode == JournalMode.Durable && health.Errors == 0 && health.JournalPending == 0, health.ToString());
        Assert.True((await StoredCalls.ReadAsync(_db.Path)).Contains("restart-2"));
    }
}
