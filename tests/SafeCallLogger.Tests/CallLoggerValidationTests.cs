using Microsoft.Extensions.Logging;
using SafeCallLogger.Tests.Support;

namespace SafeCallLogger.Tests;

public sealed class CallLoggerValidationTests
{
    public static TheoryData<string, CallRecord, RejectionReason, string> InvalidCalls()
    {
        var valid = Calls.Arbitrage();
        return new TheoryData<string, CallRecord, RejectionReason, string>
        {
            { "blank team", With(valid, teamA: " "), RejectionReason.MissingTeam, "team_a" },
            { "null team", With(valid, teamB: null!), RejectionReason.MissingTeam, "team_b" },
            { "missing book", With(valid, bookA: ""), RejectionReason.MissingBookmaker, "bookmaker_a" },
            { "decimal odds at 1", With(valid, oddsA: 1.0), RejectionReason.InvalidOdds, "odds_a" },
            { "american odds inside ±100", With(valid, oddsB: Odds.FromAmerican(-50)), RejectionReason.InvalidOdds, "odds_b" },
            { "odds NaN", With(valid, oddsA: double.NaN), RejectionReason.NonFiniteNumber, "odds_a" },
            { "odds infinite", With(valid, oddsB: double.PositiveInfinity), RejectionReason.NonFiniteNumber, "odds_b" },
            { "roi NaN", With(valid, roi: double.NaN), RejectionReason.NonFiniteNumber, "roi_percent" },
            { "negative users", With(valid, users: -3), RejectionReason.NegativeValue, "total_users_notified" },
            { "negative stake", With(valid, stakeA: -10), RejectionReason.NegativeValue, "recommended_stake_a" },
            { "unknown call type", With(valid, type: (CallType)99), RejectionReason.UnknownEnumValue, "call_type" },
            { "unknown odds format", With(valid, oddsA: Odds.Create(2, (OddsFormat)7)), RejectionReason.UnknownEnumValue, "odds_a" },
            { "oversized league", With(valid, league: new string('x', 257)), RejectionReason.StringTooLong, "league" },
            { "oversized team", With(valid, teamA: new string('x', 10_000)), RejectionReason.StringTooLong, "team_a" },
            { "bad supplied id", With(valid, callId: "has spaces"), RejectionReason.InvalidCallId, "call_id" },
        };
    }

    [Theory]
    [MemberData(nameof(InvalidCalls))]
    public async Task LogCallSafe_InvalidInput_RejectsWithItsOwnReasonAndNeverReachesTheSink(string because, CallRecord call, RejectionReason reason, string field)
    {
        var sink = new InMemoryCallSink();
        var logs = new FakeLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        await using var logger = new CallLogger(sink, loggerFactory: factory);

        var result = logger.LogCallSafe(call);
        await logger.FlushAsync(TestWait.Guard);

        Assert.True(result.Status == LogStatus.Rejected, because);
        Assert.Equal(reason, result.Reason);
        Assert.Equal(field, result.Field);
        Assert.Equal(0, sink.Count);
        Assert.Equal(1, logger.GetHealth().Rejected);
        Assert.Equal(1, logger.GetHealth().RejectedByReason[reason]);
        // Written off the caller's thread by the log pump: wait for it.
        await TestWait.Until(
            () => logs.Collector.GetSnapshot().Any(l => l.Level == LogLevel.Warning && l.Message.Contains(reason.ToString(), StringComparison.Ordinal)),
            "the rejection's log line");
    }

    [Fact]
    public async Task LogCallSafe_NullRecord_RejectsAsMissingCall()
    {
        await using var logger = new CallLogger(new InMemoryCallSink());

        var result = logger.LogCallSafe(null!);

        Assert.Equal(RejectionReason.MissingCall, result.Reason);
    }

    [Fact]
    public async Task LogCallSafe_RawDataOverTheLimit_Rejected()
    {
        await using var logger = new CallLogger(new InMemoryCallSink(), new CallLoggerOptions { MaxRawDataProperties = 2 });
        var raw = new System.Text.Json.Nodes.JsonObject { ["a"] = 1, ["b"] = 2, ["c"] = 3 };

        var result = logger.LogCallSafe(With(Calls.Arbitrage(), raw: raw));

        Assert.Equal(RejectionReason.RawDataTooLarge, result.Reason);
    }

    [Fact]
    public async Task LogCallSafe_UserListThatThrows_RejectedAsUnreadableInsteadOfThrowing()
    {
        await using var logger = new CallLogger(new InMemoryCallSink());
        var call = new CallRecord
        {
            CallType = CallType.Middle,
            TeamA = "A",
            TeamB = "B",
            BookmakerA = "x",
            BookmakerB = "y",
            OddsA = 2,
            OddsB = 2,
            RoiPercent = 1,
            NotifiedUserIds = new ThrowingList(),
        };

        var result = logger.LogCallSafe(call);

        Assert.Equal(LogStatus.Rejected, result.Status);
        Assert.Equal(RejectionReason.UnreadableInput, result.Reason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("i_bet_abc def")]
    public async Task IncrementClickSafe_InvalidId_RejectedAsInvalidCallId(string? callId)
    {
        var sink = new InMemoryCallSink();
        await using var logger = new CallLogger(sink);

        var result = logger.IncrementClickSafe(callId, 7);

        Assert.Equal(RejectionReason.InvalidCallId, result.Reason);
        Assert.Equal(0, logger.GetHealth().Accepted);
    }

    [Fact]
    public async Task UpdateResultSafe_BadOutcomeOrProfit_RejectedWithTheirReasons()
    {
        await using var logger = new CallLogger(new InMemoryCallSink());

        Assert.Equal(RejectionReason.UnknownEnumValue, logger.UpdateResultSafe("abc", (CallOutcome)9, 1).Reason);
        Assert.Equal(RejectionReason.NonFiniteNumber, logger.UpdateResultSafe("abc", CallOutcome.AWon, double.NaN).Reason);
        Assert.Equal("actual_profit", logger.UpdateResultSafe("abc", CallOutcome.AWon, double.NegativeInfinity).Field);
    }

    [Fact]
    public async Task RecordClosingLinesSafe_ImpossibleOdds_RejectedAsInvalidOdds()
    {
        await using var logger = new CallLogger(new InMemoryCallSink());

        var result = logger.RecordClosingLinesSafe("abc", 2.0, 0.9);

        Assert.Equal(RejectionReason.InvalidOdds, result.Reason);
        Assert.Equal("closing_line_b", result.Field);
    }

    private static CallRecord With(
        CallRecord c,
        string? teamA = "\0",
        string? teamB = "\0",
        string? bookA = "\0",
        Odds? oddsA = null,
        Odds? oddsB = null,
        double? roi = null,
        int? users = null,
        double? stakeA = null,
        CallType? type = null,
        string? league = null,
        string? callId = null,
        System.Text.Json.Nodes.JsonObject? raw = null) => new()
        {
            CallId = callId ?? c.CallId,
            CallType = type ?? c.CallType,
            Sport = c.Sport,
            League = league ?? c.League,
            TeamA = teamA == "\0" ? c.TeamA : teamA!,
            TeamB = teamB == "\0" ? c.TeamB : teamB!,
            BookmakerA = bookA == "\0" ? c.BookmakerA : bookA!,
            BookmakerB = c.BookmakerB,
            OddsA = oddsA ?? c.OddsA,
            OddsB = oddsB ?? c.OddsB,
            RoiPercent = roi ?? c.RoiPercent,
            UsersNotified = users ?? c.UsersNotified,
            RecommendedStakeA = stakeA ?? c.RecommendedStakeA,
            RawData = raw,
        };

    private sealed class ThrowingList : IReadOnlyList<long>
    {
        public long this[int index] => throw new InvalidOperationException("broken list");

        public int Count => throw new InvalidOperationException("broken list");

        public IEnumerator<long> GetEnumerator() => throw new InvalidOperationException("broken list");

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
