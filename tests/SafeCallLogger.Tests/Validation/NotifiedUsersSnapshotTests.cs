using System.Collections;
using SafeCallLogger.Tests.Support;

namespace SafeCallLogger.Tests.Validation;

public sealed class NotifiedUsersSnapshotTests
{
    [Fact]
    public async Task LogCallSafe_UserListWhoseEnumeratorThrows_RejectedAsUnreadableOnItsField()
    {
        var sink = new InMemoryCallSink();
        await using var logger = new CallLogger(sink);

        var result = logger.LogCallSafe(WithUsers(new CustomList(count: 3, yields: 3) { ThrowOnEnumerate = true }));
        await logger.FlushAsync(TestWait.Guard);

        Assert.Equal(LogStatus.Rejected, result.Status);
        Assert.Equal(RejectionReason.UnreadableInput, result.Reason);
        Assert.Equal("notified_user_ids", result.Field);
        Assert.Equal(0, logger.GetHealth().Errors);
        Assert.Equal(0, sink.Count);
    }

    [Fact]
    public async Task LogCallSafe_UserListWithNegativeCount_RejectedAsNegativeInsteadOfStoringMinusFive()
    {
        var sink = new InMemoryCallSink();
        await using var logger = new CallLogger(sink);

        var result = logger.LogCallSafe(WithUsers(new CustomList(count: -5, yields: 0)));
        await logger.FlushAsync(TestWait.Guard);

        Assert.Equal(RejectionReason.NegativeValue, result.Reason);
        Assert.Equal("notified_user_ids", result.Field);
        Assert.Equal(0, sink.Count);
    }

    [Theory]
    [InlineData(2, 5)]
    [InlineData(5, 2)]
    [InlineData(0, 3)]
    public async Task LogCallSafe_UserListWhoseCountLies_RejectedAsCountMismatch(int count, int yields)
    {
        var sink = new InMemoryCallSink();
        await using var logger = new CallLogger(sink);

        var result = logger.LogCallSafe(WithUsers(new CustomList(count, yields)));
        await logger.FlushAsync(TestWait.Guard);

        Assert.Equal(RejectionReason.NotifiedUsersCountMismatch, result.Reason);
        Assert.Equal("notified_user_ids", result.Field);
        Assert.Equal(0, sink.Count);
    }

    [Fact]
    public async Task LogCallSafe_UserListClaimingIntMaxValueItems_RejectedAsTooManyWithoutEnumerating()
    {
        await using var logger = new CallLogger(new InMemoryCallSink());

        var result = logger.LogCallSafe(WithUsers(new CustomList(count: int.MaxValue, yields: 1) { ThrowOnEnumerate = true }));

        Assert.Equal(RejectionReason.TooManyNotifiedUsers, result.Reason);
        Assert.Equal("notified_user_ids", result.Field);
    }

    [Fact]
    public async Task LogCallSafe_MoreUsersThanMaxNotifiedUsers_RejectedAsTooMany()
    {
        await using var logger = new CallLogger(new InMemoryCallSink(), new CallLoggerOptions { MaxNotifiedUsers = 3 });

        var list = logger.LogCallSafe(WithUsers(new List<long> { 1, 2, 3, 4 }));
        var array = logger.LogCallSafe(WithUsers(new long[] { 1, 2, 3, 4 }));
        var custom = logger.LogCallSafe(WithUsers(new CustomList(count: 4, yields: 4)));
        var atLimit = logger.LogCallSafe(WithUsers(new List<long> { 1, 2, 3 }));

        Assert.Equal(RejectionReason.TooManyNotifiedUsers, list.Reason);
        Assert.Equal(RejectionReason.TooManyNotifiedUsers, array.Reason);
        Assert.Equal(RejectionReason.TooManyNotifiedUsers, custom.Reason);
        Assert.Equal(LogStatus.Accepted, atLimit.Status);
    }

    [Fact]
    public async Task LogCallSafe_ListArrayOrCustomList_QueuesAPrivateCopyAndCountsIt()
    {
        var sink = new RecordingSink();
        await using var logger = new CallLogger(sink);
        var list = new List<long> { 1, 2, 3 };
        var array = new long[] { 4, 5 };

        logger.LogCallSafe(WithUsers(list, "list"));
        logger.LogCallSafe(WithUsers(array, "array"));
        logger.LogCallSafe(WithUsers(new CustomList(count: 4, yields: 4), "custom"));
        list.Clear();
        array[0] = 99;
        await logger.FlushAsync(TestWait.Guard);

        var byId = sink.Operations.ToDictionary(o => o.CallId);
        Assert.Equal([1L, 2L, 3L], byId["list"].Call!.NotifiedUserIds);
        Assert.Equal(3, byId["list"].UsersNotified);
        Assert.Equal([4L, 5L], byId["array"].Call!.NotifiedUserIds);
        Assert.NotSame(array, byId["array"].Call!.NotifiedUserIds);
        Assert.Equal([0L, 1L, 2L, 3L], byId["custom"].Call!.NotifiedUserIds);
        Assert.Equal(4, byId["custom"].UsersNotified);
    }

    private static CallRecord WithUsers(IReadOnlyList<long> users, string? callId = null) => new()
    {
        CallId = callId,
        CallType = CallType.Arbitrage,
        TeamA = "Lakers",
        TeamB = "Celtics",
        BookmakerA = "bet365",
        BookmakerB = "pinnacle",
        OddsA = 2.1,
        OddsB = 2.0,
        RoiPercent = 2,
        NotifiedUserIds = users,
    };

    /// <summary>A list whose <c>Count</c> says one thing and whose enumerator yields another (ids 0, 1, 2, ...).</summary>
    private sealed class CustomList(int count, int yields) : IReadOnlyList<long>
    {
        public bool ThrowOnEnumerate { get; init; }

        public int Count => count;

        public long this[int index] => throw new InvalidOperationException("indexer must not be used (injected)");

        public IEnumerator<long> GetEnumerator()
        {
            if (ThrowOnEnumerate)
            {
                throw new InvalidOperationException("enumerator failed (injected)");
            }

            for (var i = 0; i < yields; i++)
            {
                yield return i;
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
