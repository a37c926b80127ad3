namespace SafeCallLogger.Tests.Support;

/// <summary>
/// Deep, exact comparison of operations: doubles by their bits (NaN payloads, -0.0), dates by ticks and offset,
/// user ids null vs empty, raw data by its JSON text. Fails naming the first property that differs.
/// </summary>
internal static class OperationAssert
{
    public static void Equivalent(in CallOperation expected, in CallOperation actual)
    {
        Assert.Equal(expected.OperationId, actual.OperationId);
        Assert.Equal(expected.Kind, actual.Kind);
        Text(expected.CallId, actual.CallId, nameof(CallOperation.CallId));
        Date(expected.Timestamp, actual.Timestamp, nameof(CallOperation.Timestamp));
        Text(expected.RawDataJson, actual.RawDataJson, nameof(CallOperation.RawDataJson));
        Assert.Equal(expected.UsersNotified, actual.UsersNotified);
        Assert.Equal(expected.UserId, actual.UserId);
        Assert.Equal(expected.Outcome, actual.Outcome);
        Number(expected.Profit, actual.Profit, nameof(CallOperation.Profit));
        Odds(expected.ClosingLineA, actual.ClosingLineA, nameof(CallOperation.ClosingLineA));
        Odds(expected.ClosingLineB, actual.ClosingLineB, nameof(CallOperation.ClosingLineB));
        Assert.Equal(expected.LineMovementSpeed, actual.LineMovementSpeed);
        Equivalent(expected.Call, actual.Call);
    }

    public static void Equivalent(CallRecord? expected, CallRecord? actual)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"Call: expected {(expected is null ? "null" : "a record")}, got {(actual is null ? "null" : "a record")}");
            return;
        }

        Text(expected.CallId, actual.CallId, "Call.CallId");
        Assert.Equal(expected.CallType, actual.CallType);
        Text(expected.Sport, actual.Sport, "Call.Sport");
        Text(expected.League, actual.League, "Call.League");
        Text(expected.TeamA, actual.TeamA, "Call.TeamA");
        Text(expected.TeamB, actual.TeamB, "Call.TeamB");
        Date(expected.MatchDate, actual.MatchDate, "Call.MatchDate");
        Date(expected.MatchCommenceTime, actual.MatchCommenceTime, "Call.MatchCommenceTime");
        Text(expected.BookmakerA, actual.BookmakerA, "Call.BookmakerA");
        Text(expected.BookmakerB, actual.BookmakerB, "Call.BookmakerB");
        Text(expected.MarketType, actual.MarketType, "Call.MarketType");
        Odds(expected.OddsA, actual.OddsA, "Call.OddsA");
        Odds(expected.OddsB, actual.OddsB, "Call.OddsB");
        Number(expected.RecommendedStakeA, actual.RecommendedStakeA, "Call.RecommendedStakeA");
        Number(expected.RecommendedStakeB, actual.RecommendedStakeB, "Call.RecommendedStakeB");
        Number(expected.TotalStake, actual.TotalStake, "Call.TotalStake");
        Number(expected.ExpectedProfit, actual.ExpectedProfit, "Call.ExpectedProfit");
        Number(expected.RoiPercent, actual.RoiPercent, "Call.RoiPercent");
        Date(expected.AlertSentAt, actual.AlertSentAt, "Call.AlertSentAt");
        Date(expected.ExpiresAt, actual.ExpiresAt, "Call.ExpiresAt");
        Assert.Equal(expected.UsersNotified, actual.UsersNotified);
        Assert.Equal(expected.LineMovementSpeed, actual.LineMovementSpeed);
        Text(expected.DataSource, actual.DataSource, "Call.DataSource");
        Assert.True(expected.NotifiedUserIds is null == actual.NotifiedUserIds is null, "Call.NotifiedUserIds: null and non-null differ");
        if (expected.NotifiedUserIds is { } ids)
        {
            Assert.Equal(ids, actual.NotifiedUserIds!);
        }

        Text(expected.RawData?.ToJsonString(), actual.RawData?.ToJsonString(), "Call.RawData");
    }

    private static void Text(string? expected, string? actual, string name) =>
        Assert.True(string.Equals(expected, actual, StringComparison.Ordinal), $"{name}: expected {Show(expected)}, got {Show(actual)}");

    private static void Number(double? expected, double? actual, string name) =>
        Assert.True(
            expected.HasValue == actual.HasValue && (!expected.HasValue || BitConverter.DoubleToInt64Bits(expected.Value) == BitConverter.DoubleToInt64Bits(actual!.Value)),
            $"{name}: expected {Bits(expected)}, got {Bits(actual)}");

    private static void Date(DateTimeOffset? expected, DateTimeOffset? actual, string name) =>
        Assert.True(
            expected.HasValue == actual.HasValue && (!expected.HasValue || expected.Value.EqualsExact(actual!.Value)),
            $"{name}: expected {expected:O}, got {actual:O}");

    private static void Odds(Odds expected, Odds actual, string name)
    {
        Number(expected.Value, actual.Value, name + ".Value");
        Assert.Equal(expected.Format, actual.Format);
    }

    private static string Show(string? text) =>
        text is null ? "null" : text.Length > 40 ? $"({text.Length} chars) {text[..40]}..." : $"\"{text}\"";

    private static string Bits(double? value) =>
        value is { } v ? $"{v:R} (0x{BitConverter.DoubleToInt64Bits(v):X16})" : "null";
}
