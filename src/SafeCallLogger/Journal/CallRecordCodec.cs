using System.Text.Json;
using System.Text.Json.Nodes;

namespace SafeCallLogger.Journal;

/// <summary>The call record part of <see cref="OperationCodec"/>'s format; the layout is in that class's summary.</summary>
internal static class CallRecordCodec
{
    // Everything of a call record that is not a string or a list, at its largest.
    private const int FixedBytes = 2 + 1 + 9 + 9 + 8 + (4 * 10) + (4 * 8) + 4 + 1;

    private const ushort HasMatchDate = 0x001;
    private const ushort HasMatchCommenceTime = 0x002;
    private const ushort HasStakeA = 0x004;
    private const ushort HasStakeB = 0x008;
    private const ushort HasTotalStake = 0x010;
    private const ushort HasExpectedProfit = 0x020;
    private const ushort HasAlertSentAt = 0x040;
    private const ushort HasExpiresAt = 0x080;
    private const ushort HasUsersNotified = 0x100;
    private const ushort HasLineMovementSpeed = 0x200;
    private const ushort KnownFlags = 0x3FF;

    // As deep as Utf8JsonWriter (and so JsonNode.ToJsonString) writes by default, so whatever Encode wrote parses back.
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 1000 };

    /// <summary>The most bytes <see cref="Write"/> writes for <paramref name="call"/>.</summary>
    public static long Bound(CallRecord call, string? rawData) =>
        FixedBytes
        + PayloadWriter.StringBound(call.CallId?.Length ?? 0)
        + PayloadWriter.StringBound(call.Sport?.Length ?? 0)
        + PayloadWriter.StringBound(call.League?.Length ?? 0)
        + PayloadWriter.StringBound(call.TeamA?.Length ?? 0)
        + PayloadWriter.StringBound(call.TeamB?.Length ?? 0)
        + PayloadWriter.StringBound(call.BookmakerA?.Length ?? 0)
        + PayloadWriter.StringBound(call.BookmakerB?.Length ?? 0)
        + PayloadWriter.StringBound(call.MarketType?.Length ?? 0)
        + PayloadWriter.StringBound(call.DataSource?.Length ?? 0)
        + PayloadWriter.StringBound(rawData?.Length ?? 0)
        + 5 + (8L * (call.NotifiedUserIds?.Count ?? 0));

    public static void Write(ref PayloadWriter writer, CallRecord call, string? rawData)
    {
        writer.Int16((short)Flags(call));
        writer.Enum((int)call.CallType);
        writer.Odds(call.OddsA);
        writer.Odds(call.OddsB);
        writer.Double(call.RoiPercent);
        WriteIfSet(ref writer, call.MatchDate);
        WriteIfSet(ref writer, call.MatchCommenceTime);
        WriteIfSet(ref writer, call.RecommendedStakeA);
        WriteIfSet(ref writer, call.RecommendedStakeB);
        WriteIfSet(ref writer, call.TotalStake);
        WriteIfSet(ref writer, call.ExpectedProfit);
        WriteIfSet(ref writer, call.AlertSentAt);
        WriteIfSet(ref writer, call.ExpiresAt);
        if (call.UsersNotified is { } users)
        {
            writer.Int32(users);
        }

        if (call.LineMovementSpeed is { } speed)
        {
            writer.Enum((int)speed);
        }

        writer.String(call.CallId);
        writer.String(call.Sport);
        writer.String(call.League);
        writer.String(call.TeamA);
        writer.String(call.TeamB);
        writer.String(call.BookmakerA);
        writer.String(call.BookmakerB);
        writer.String(call.MarketType);
        writer.String(call.DataSource);
        writer.Longs(call.NotifiedUserIds);
        writer.String(rawData);
    }

    public static bool TryRead(ref PayloadReader reader, out CallRecord? call)
    {
        call = null;
        if (!reader.Int16(out var rawFlags) || ((ushort)rawFlags & ~KnownFlags) != 0
            || !reader.Byte(out var callType) || !Enum.IsDefined((CallType)callType)
            || !reader.Odds(out var oddsA)
            || !reader.Odds(out var oddsB)
            || !reader.Double(out var roi))
        {
            return false;
        }

        var flags = (ushort)rawFlags;
        if (!TryRead(ref reader, flags, HasMatchDate, out DateTimeOffset? matchDate)
            || !TryRead(ref reader, flags, HasMatchCommenceTime, out DateTimeOffset? commence)
            || !TryRead(ref reader, flags, HasStakeA, out double? stakeA)
            || !TryRead(ref reader, flags, HasStakeB, out double? stakeB)
            || !TryRead(ref reader, flags, HasTotalStake, out double? totalStake)
            || !TryRead(ref reader, flags, HasExpectedProfit, out double? expectedProfit)
            || !TryRead(ref reader, flags, HasAlertSentAt, out DateTimeOffset? alertSentAt)
            || !TryRead(ref reader, flags, HasExpiresAt, out DateTimeOffset? expiresAt))
        {
            return false;
        }

        int? usersNotified = null;
        if ((flags & HasUsersNotified) != 0)
        {
            if (!reader.Int32(out var value))
            {
                return false;
            }

            usersNotified = value;
        }

        LineMovementSpeed? speed = null;
        if ((flags & HasLineMovementSpeed) != 0)
        {
            if (!reader.Byte(out var value) || !Enum.IsDefined((LineMovementSpeed)value))
            {
                return false;
            }

            speed = (LineMovementSpeed)value;
        }

        if (!reader.String(out var callId) || !reader.String(out var sport) || !reader.String(out var league)
            || !reader.String(out var teamA) || !reader.String(out var teamB)
            || !reader.String(out var bookmakerA) || !reader.String(out var bookmakerB)
            || !reader.String(out var marketType) || !reader.String(out var dataSource)
            || !reader.Longs(out var userIds)
            || !reader.String(out var rawJson) || !TryParseRawData(rawJson, out var rawData))
        {
            return false;
        }

        call = new CallRecord
        {
            CallId = callId,
            CallType = (CallType)callType,
            Sport = sport,
            League = league,
            TeamA = teamA!,
            TeamB = teamB!,
            MatchDate = matchDate,
            MatchCommenceTime = commence,
            BookmakerA = bookmakerA!,
            BookmakerB = bookmakerB!,
            MarketType = marketType,
            OddsA = oddsA,
            OddsB = oddsB,
            RecommendedStakeA = stakeA,
            RecommendedStakeB = stakeB,
            TotalStake = totalStake,
            ExpectedProfit = expectedProfit,
            RoiPercent = roi,
            AlertSentAt = alertSentAt,
            ExpiresAt = expiresAt,
            UsersNotified = usersNotified,
            NotifiedUserIds = userIds,
            LineMovementSpeed = speed,
            DataSource = dataSource,
            RawData = rawData,
        };
        return true;
    }

    private static ushort Flags(CallRecord call) => (ushort)(
        (call.MatchDate.HasValue ? HasMatchDate : 0)
        | (call.MatchCommenceTime.HasValue ? HasMatchCommenceTime : 0)
        | (call.RecommendedStakeA.HasValue ? HasStakeA : 0)
        | (call.RecommendedStakeB.HasValue ? HasStakeB : 0)
        | (call.TotalStake.HasValue ? HasTotalStake : 0)
        | (call.ExpectedProfit.HasValue ? HasExpectedProfit : 0)
        | (call.AlertSentAt.HasValue ? HasAlertSentAt : 0)
        | (call.ExpiresAt.HasValue ? HasExpiresAt : 0)
        | (call.UsersNotified.HasValue ? HasUsersNotified : 0)
        | (call.LineMovementSpeed.HasValue ? HasLineMovementSpeed : 0));

    private static void WriteIfSet(ref PayloadWriter writer, DateTimeOffset? value)
    {
        if (value is { } date)
        {
            writer.Date(date);
        }
    }

    private static void WriteIfSet(ref PayloadWriter writer, double? value)
    {
        if (value is { } number)
        {
            writer.Double(number);
        }
    }

    private static bool TryRead(ref PayloadReader reader, ushort flags, ushort flag, out DateTimeOffset? value)
    {
        value = null;
        if ((flags & flag) == 0)
        {
            return true;
        }

        var ok = reader.Date(out var date);
        value = date;
        return ok;
    }

    private static bool TryRead(ref PayloadReader reader, ushort flags, ushort flag, out double? value)
    {
        value = null;
        if ((flags & flag) == 0)
        {
            return true;
        }

        var ok = reader.Double(out var number);
        value = number;
        return ok;
    }

    private static bool TryParseRawData(string? json, out JsonObject? rawData)
    {
        rawData = null;
        if (json is null)
        {
            return true;
        }

        try
        {
            rawData = JsonNode.Parse(json, documentOptions: ParseOptions) as JsonObject;
            if (rawData is null)
            {
                return false;
            }

            // A node's children are built on first use, and duplicate keys throw only then: build them all now, so the
            // object handed on can never throw later.
            Materialize(rawData);
            return true;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            // Not JSON, deeper than any writer makes, or an object with a duplicate key: not a payload Encode made.
            rawData = null;
            return false;
        }
    }

    private static void Materialize(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            foreach (var property in obj)
            {
                Materialize(property.Value);
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                Materialize(item);
            }
        }
    }
}
