namespace SafeCallLogger.Tests.Sinks;

/// <summary>
/// The contract for sinks that can tell a record they can never store from an outage (a database with constraints):
/// the batch fails as a whole, with <see cref="UnstorableOperationException"/> naming the operation at fault wherever
/// it stands, so the writer sets that one aside and writes the rest again. A sink that stores everything (in memory)
/// derives from <see cref="CallSinkConformanceTests"/> instead.
/// </summary>
public abstract class RefusingCallSinkConformanceTests : CallSinkConformanceTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task WriteAsync_UnstorableRecord_BatchFailsNamingItAndNothingIsStored(int position)
    {
        var bad = await ArrangeUnstorableUpsertAsync("bad");
        var batch = new List<CallOperation> { Upsert("good1"), Click("good1", 7), Upsert("good2") };
        batch.Insert(position, bad);

        var error = await Assert.ThrowsAsync<UnstorableOperationException>(() => WriteAsync([.. batch]));

        Assert.Equal(bad.OperationId, error.OperationId);
        Assert.Null(await ReadCallAsync("good1"));
        Assert.Null(await ReadCallAsync("good2"));
        Assert.Null(await ReadCallAsync("bad"));
    }

    [Fact]
    public async Task WriteAsync_BatchAgainWithoutTheUnstorableRecord_StoredOnce()
    {
        var bad = await ArrangeUnstorableUpsertAsync("bad");
        CallOperation[] rest = [Upsert("good1", usersNotified: 2), Click("good1", 7)];
        await Assert.ThrowsAsync<UnstorableOperationException>(() => WriteAsync([rest[0], bad, rest[1]]));

        await WriteAsync(rest);

        var stored = await ReadRequiredAsync("good1");
        Assert.Equal((2, 1, 1), (stored.TotalUsersNotified, stored.TotalUsersBet, stored.AlertClickedCount));
        Assert.Null(await ReadCallAsync("bad"));
    }

    /// <summary>
    /// Prepares the storage so that the returned upsert of <paramref name="callId"/> can never be stored (for a
    /// database: a table with a constraint the record breaks), while the suite's ordinary operations still can.
    /// Called before the first write.
    /// </summary>
    protected abstract Task<CallOperation> ArrangeUnstorableUpsertAsync(string callId);
}
