using System.Text.Json.Nodes;

namespace SafeCallLogger.Validation;

/// <summary>
/// The door of <c>LogCallSafe</c>: on the caller's thread, checks a <see cref="CallRecord"/> and turns it into an
/// immutable <see cref="CallOperation"/> holding only what every sink can store. After it returns the logger never reads
/// the caller's objects again: <see cref="CallRecord.NotifiedUserIds"/> is copied to a private array and
/// <see cref="CallRecord.RawData"/> is serialized to <see cref="CallOperation.RawDataJson"/>.
/// </summary>
internal sealed class CallSnapshot(CallLoggerOptions options)
{
    private readonly int _maxStringLength = options.MaxStringLength;
    private readonly int _maxRawDataProperties = options.MaxRawDataProperties;
    private readonly int _maxRawDataBytes = options.MaxRawDataBytes;
    private readonly int _maxRawDataDepth = options.MaxRawDataDepth;
    private readonly int _maxNotifiedUsers = options.MaxNotifiedUsers;

    // Set only when the Python bot's recipe is chosen: the zone of its "local" hour, fixed when the logger is created.
    private readonly TimeZoneInfo? _pythonBotIdTimeZone = options.CallIdRecipe == CallIdRecipe.PythonBotMd5 ? options.CallIdTimeZone ?? TimeZoneInfo.Local : null;

    /// <summary>
    /// Validates and copies <paramref name="call"/>. On success <paramref name="operation"/> is the
    /// <see cref="CallOperationKind.UpsertCall"/> to queue (without its <see cref="CallOperation.OperationId"/>, which
    /// the writer assigns); otherwise the reason and the column at fault. Throws only if reading a property of the record
    /// itself throws; the caller turns that into <see cref="RejectionReason.UnreadableInput"/>.
    /// </summary>
    public (RejectionReason Reason, string? Field) Take(CallRecord? call, TimeProvider time, out CallOperation operation)
    {
        operation = default;
        var (reason, field) = CallValidator.Validate(call, _maxStringLength, _maxRawDataProperties);
        if (reason != RejectionReason.None)
        {
            return (reason, field);
        }

        long[]? users = null;
        if (call!.NotifiedUserIds is { } ids)
        {
            (reason, field) = NotifiedUsersCopy.Copy(ids, _maxNotifiedUsers, out users);
            if (reason != RejectionReason.None)
            {
                return (reason, field);
            }
        }

        string? rawJson = null;
        if (call.RawData is { } raw)
        {
            (reason, field) = RawDataSerializer.Serialize(raw, _maxRawDataDepth, _maxRawDataBytes, out rawJson);
            if (reason != RejectionReason.None)
            {
                return (reason, field);
            }
        }

        var sentAt = call.AlertSentAt ?? time.GetUtcNow();
        var callId = call.CallId ?? (_pythonBotIdTimeZone is null
            ? CallIds.Compute(call.TeamA, call.TeamB, call.BookmakerA, call.BookmakerB, call.OddsA, call.OddsB, sentAt)
            : CallIds.ComputePythonBotCompatible(call.TeamA, call.TeamB, call.BookmakerA, call.BookmakerB, call.OddsA, call.OddsB, sentAt, _pythonBotIdTimeZone));
        operation = new CallOperation
        {
            Kind = CallOperationKind.UpsertCall,
            CallId = callId,
            Timestamp = sentAt,

            // Every other property of a CallRecord is init-only and immutable (strings, numbers, dates, enums, Odds), so a
            // record without a list or raw data is kept as it is: the common case copies nothing and allocates nothing.
            Call = users is null && rawJson is null ? call : Copy(call, users, rawData: null),
            RawDataJson = rawJson,
            UsersNotified = call.UsersNotified ?? users?.Length ?? 1,
        };
        return (RejectionReason.None, null);
    }

    /// <summary>A copy of <paramref name="call"/> with the given user ids and raw data, every other property the same.</summary>
    public static CallRecord Copy(CallRecord call, IReadOnlyList<long>? notifiedUserIds, JsonObject? rawData) => new()
    {
        CallId = call.CallId,
        CallType = call.CallType,
        Sport = call.Sport,
        League = call.League,
        TeamA = call.TeamA,
        TeamB = call.TeamB,
        MatchDate = call.MatchDate,
        MatchCommenceTime = call.MatchCommenceTime,
        BookmakerA = call.BookmakerA,
        BookmakerB = call.BookmakerB,
        MarketType = call.MarketType,
        OddsA = call.OddsA,
        OddsB = call.OddsB,
        RecommendedStakeA = call.RecommendedStakeA,
        RecommendedStakeB = call.RecommendedStakeB,
        TotalStake = call.TotalStake,
        ExpectedProfit = call.ExpectedProfit,
        RoiPercent = call.RoiPercent,
        AlertSentAt = call.AlertSentAt,
        ExpiresAt = call.ExpiresAt,
        UsersNotified = call.UsersNotified,
        NotifiedUserIds = notifiedUserIds,
        LineMovementSpeed = call.LineMovementSpeed,
        DataSource = call.DataSource,
        RawData = rawData,
    };
}
