using SafeCallLogger.Tests.Support;

namespace SafeCallLogger.Tests.Validation;

public sealed class StorableValuesTests
{
    public static TheoryData<string, DateTimeOffset> AbsurdDates()
    {
        var data = new TheoryData<string, DateTimeOffset>();
        foreach (var field in new[] { "alert_sent_at", "expires_at", "match_date", "match_commence_time" })
        {
            data.Add(field, DateTimeOffset.MinValue);
            data.Add(field, DateTimeOffset.MaxValue);
            data.Add(field, new DateTimeOffset(1999, 12, 31, 23, 59, 59, TimeSpan.Zero));
            data.Add(field, new DateTimeOffset(2200, 1, 1, 0, 0, 0, TimeSpan.Zero));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AbsurdDates))]
    public async Task LogCallSafe_DateOutsideTheStorableRange_RejectedAsDateOutOfRange(string field, DateTimeOffset date)
    {
        var sink = new InMemoryCallSink();
        await using var logger = new CallLogger(sink);

        var result = logger.LogCallSafe(WithDate(field, date));
        await logger.FlushAsync(TestWait.Guard);

        Assert.Equal(LogStatus.Rejected, result.Status);
        Assert.Equal(RejectionReason.DateOutOfRange, result.Reason);
        Assert.Equal(field, result.Field);
        Assert.Equal(0, sink.Count);
    }

    [Theory]
    [InlineData(1e308, OddsFormat.Decimal, "odds_a")]
    [InlineData(1_000_000.01, OddsFormat.Decimal, "odds_b")]
    [InlineData(1e12, OddsFormat.American, "odds_a")]
    [InlineData(99_999_901, OddsFormat.American, "odds_b")]
    public async Task LogCallSafe_OddsAboveMaxDecimalValue_RejectedAsInvalidOdds(double value, OddsFormat format, string field)
    {
        await using var logger = new CallLogger(new InMemoryCallSink());
        var odds = Odds.Create(value, format);

        var result = logger.LogCallSafe(WithOdds(field == "odds_a" ? odds : 2.0, field == "odds_b" ? odds : 2.0));

        Assert.Equal(RejectionReason.InvalidOdds, result.Reason);
        Assert.Equal(field, result.Field);
    }

    [Fact]
    public async Task LogCallSafe_OddsAtTheCap_AcceptedAndTheirClvStaysFinite()
    {
        var sink = new InMemoryCallSink();
        await using var logger = new CallLogger(sink);

        var logged = logger.LogCallSafe(WithOdds(Odds.MaxDecimalValue, Odds.FromAmerican(99_999_900), "capped"));
        var closed = logger.RecordClosingLinesSafe("capped", 1.000001, Odds.FromAmerican(-1e12));
        await logger.FlushAsync(TestWait.Guard);

        Assert.Equal(LogStatus.Accepted, logged.Status);
        Assert.Equal(LogStatus.Accepted, closed.Status);
        Assert.True(sink.TryGetCall("capped", out var stored));
        Assert.True(double.IsFinite(stored.ClvA!.Value));
        Assert.True(double.IsFinite(stored.ClvB!.Value));
    }

    [Fact]
    public async Task LogCallSafe_OddsThatWouldMakeClvInfinite_RejectedSoNoInfiniteClvIsEverStored()
    {
        var sink = new InMemoryCallSink();
        await using var logger = new CallLogger(sink);

        // (1e308 / 1.01 - 1) * 100 overflows to +Infinity: before the cap, this call and closing line stored clv_a = Infinity.
        var logged = logger.LogCallSafe(WithOdds(1e308, 2.0, "huge"));
        logger.RecordClosingLinesSafe("huge", 1.01, 2.0);
        await logger.FlushAsync(TestWait.Guard);

        Assert.Equal(RejectionReason.InvalidOdds, logged.Reason);
        Assert.False(sink.TryGetCall("huge", out _));
        Assert.True(double.IsNaN(Odds.ClosingLineValuePercent(1e308, 1.01)));
    }

    [Theory]
    [InlineData(1e308, 2.0, "closing_line_a")]
    [InlineData(2.0, 5_000_000, "closing_line_b")]
    public async Task RecordClosingLinesSafe_ClosingLineAboveMaxDecimalValue_RejectedAsInvalidOdds(double a, double b, string field)
    {
        await using var logger = new CallLogger(new InMemoryCallSink());

        var result = logger.RecordClosingLinesSafe("abc", a, b);

        Assert.Equal(RejectionReason.InvalidOdds, result.Reason);
        Assert.Equal(field, result.Field);
    }

    private static CallRecord WithDate(string field, DateTimeOffset date) => new()
    {
        CallType = CallType.Arbitrage,
        TeamA = "Lakers",
        TeamB = "Celtics",
        BookmakerA = "bet365",
        BookmakerB = "pinnacle",
        OddsA = 2.1,
        OddsB = 2.0,
        RoiPercent = 2,
        AlertSentAt = field == "alert_sent_at" ? date : null,
        ExpiresAt = field == "expires_at" ? date : null,
        MatchDate = field == "match_date" ? date : null,
        MatchCommenceTime = field == "match_commence_time" ? date : null,
    };

    private static CallRecord WithOdds(Odds a, Odds b, string? callId = null) => new()
    {
        CallId = callId,
        CallType = CallType.Arbitrage,
        TeamA = "Lakers",
        TeamB = "Celtics",
        BookmakerA = "bet365",
        BookmakerB = "pinnacle",
        OddsA = a,
        OddsB = b,
        RoiPercent = 2,
    };
}
