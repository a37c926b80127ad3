using System.Text.Json.Nodes;
using CsCheck;

namespace SafeCallLogger.Tests.Journal;

/// <summary>
/// CsCheck generators of any operation the codec must carry: any double bit pattern, any date and offset, text with
/// surrogates (paired or not) and NULs, null vs empty lists, and now and then a raw data object.
/// </summary>
internal static class OperationGen
{
    private const long MaxTicks = 3_155_378_975_999_999_999;

    public static readonly Gen<double> Double = Gen.OneOf(Gen.Long.Select(BitConverter.Int64BitsToDouble), Gen.Double.Special);

    public static readonly Gen<DateTimeOffset> Date = Gen.Select(Gen.Long[0, MaxTicks], Gen.Int[-840, 840], (utc, minutes) =>
    {
        var offset = minutes * TimeSpan.TicksPerMinute;
        return utc + offset is >= 0 and <= MaxTicks ? new DateTimeOffset(utc + offset, new TimeSpan(offset)) : new DateTimeOffset(utc, TimeSpan.Zero);
    });

    public static readonly Gen<string> Text = Gen.OneOf(Gen.Char, Gen.Char['\uD800', '\uDFFF'], Gen.Char[' ', '~'], Gen.Const('\0'))
        .Array[0, 24].Select(chars => new string(chars));

    public static readonly Gen<string?> NullableText = Text.Null(0.25);

    public static readonly Gen<Odds> Odds = Gen.Select(Double, Gen.Enum<OddsFormat>(), SafeCallLogger.Odds.Create);

    public static readonly Gen<IReadOnlyList<long>?> UserIds = Gen.OneOf(
        Gen.Const((IReadOnlyList<long>?)null),
        Gen.Long.Array[0, 40].Select(ids => (IReadOnlyList<long>?)ids));

    // A fresh object per draw: a JsonObject belongs to one parent and is mutable.
    public static readonly Gen<JsonObject?> RawData = Gen.Frequency(
        (4, Gen.Const((JsonObject?)null)),
        (1, Gen.Select(Gen.String[Gen.Char['a', 'z'], 1, 8], Gen.Double[-1e6, 1e6], Gen.Bool, (key, number, flag) =>
            (JsonObject?)new JsonObject { [key] = number, [key + "_s"] = key, [key + "_b"] = flag, [key + "_n"] = null })));

    public static readonly Gen<CallRecord> Call = Gen.Select(
        Gen.Select(NullableText, Gen.Enum<CallType>(), NullableText, NullableText, NullableText, NullableText, NullableText, NullableText),
        Gen.Select(NullableText, NullableText, Odds, Odds, Double, Date.Nullable(), Date.Nullable(), Date.Nullable()),
        Gen.Select(Date.Nullable(), Double.Nullable(), Double.Nullable(), Double.Nullable(), Double.Nullable(), Gen.Int.Nullable(), Gen.Enum<LineMovementSpeed>().Nullable()),
        UserIds,
        RawData,
        (a, b, c, ids, raw) => new CallRecord
        {
            CallId = a.Item1, CallType = a.Item2, Sport = a.Item3, League = a.Item4, TeamA = a.Item5!, TeamB = a.Item6!,
            BookmakerA = a.Item7!, BookmakerB = a.Item8!,
            MarketType = b.Item1, DataSource = b.Item2, OddsA = b.Item3, OddsB = b.Item4, RoiPercent = b.Item5,
            MatchDate = b.Item6, MatchCommenceTime = b.Item7, AlertSentAt = b.Item8,
            ExpiresAt = c.Item1, RecommendedStakeA = c.Item2, RecommendedStakeB = c.Item3, TotalStake = c.Item4, ExpectedProfit = c.Item5,
            UsersNotified = c.Item6, LineMovementSpeed = c.Item7,
            NotifiedUserIds = ids, RawData = raw,
        });

    public static readonly Gen<CallOperation> Operation = Gen.Select(
        Gen.Select(Gen.Guid, Gen.Enum<CallOperationKind>(), NullableText, Date, Call.Null(0.3), NullableText, Gen.Int),
        Gen.Select(Gen.Long.Nullable(), Gen.Enum<CallOutcome>(), Double.Nullable(), Odds, Odds, Gen.Enum<LineMovementSpeed>().Nullable()),
        (a, b) => new CallOperation
        {
            OperationId = a.Item1, Kind = a.Item2, CallId = a.Item3!, Timestamp = a.Item4, Call = a.Item5, RawDataJson = a.Item6, UsersNotified = a.Item7,
            UserId = b.Item1, Outcome = b.Item2, Profit = b.Item3, ClosingLineA = b.Item4, ClosingLineB = b.Item5, LineMovementSpeed = b.Item6,
        });
}
