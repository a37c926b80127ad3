namespace SafeCallLogger.Journal;

/// <summary>
/// The binary form of a <see cref="CallOperation"/> in a journal record's payload: compact, versioned, and cheap enough
/// to write on the caller's thread in durable mode. All integers little-endian; doubles are their 8 IEEE 754 bytes
/// little-endian (NaN payloads and -0.0 kept); dates are UTC ticks (i64) then the offset in minutes (i16).
/// <code>
/// operation (version 1)
/// size  field
///    1  format version       1
///    1  kind                 CallOperationKind
///    1  flags                0x01 UserId, 0x02 Profit, 0x04 LineMovementSpeed, 0x08 Call; other bits 0
///    1  outcome              CallOutcome
///   16  operation id         Guid.TryWriteBytes layout
///   10  timestamp            date
///    4  users notified       i32
///    9  closing line A       odds: f64 value, u8 OddsFormat
///    9  closing line B       odds
///   (8) user id              i64, when flag 0x01
///   (8) profit               f64, when flag 0x02
///   (1) line movement speed  u8, when flag 0x04
///    s  call id              string
///    s  raw data json        string
///  (..) call                 CallRecord below, when flag 0x08
///
/// call record
///    2  flags                u16: 0x001 MatchDate, 0x002 MatchCommenceTime, 0x004 RecommendedStakeA,
///                            0x008 RecommendedStakeB, 0x010 TotalStake, 0x020 ExpectedProfit, 0x040 AlertSentAt,
///                            0x080 ExpiresAt, 0x100 UsersNotified, 0x200 LineMovementSpeed; other bits 0
///    1  call type            CallType
///    9  odds A               odds
///    9  odds B               odds
///    8  roi percent          f64
///  (..) the flagged fields   in flag order: dates 10, doubles 8, UsersNotified i32, LineMovementSpeed u8
///    s  call id, sport, league, team A, team B, bookmaker A, bookmaker B, market type, data source   strings
///    n  notified user ids    varint count + 1 (0 = null, 1 = empty), then count × i64
///    s  raw data             string: the compact JSON of CallRecord.RawData (see below)
///
/// string   varint prefix: 0 = null, else (byteCount &lt;&lt; 1 | utf16) + 1, then byteCount bytes: UTF-8, or UTF-16LE
///          when (and only when) the string holds a lone surrogate, which UTF-8 cannot carry
/// varint   unsigned LEB128, minimal, at most 5 bytes, at most int.MaxValue
/// enum     one byte; a value outside 0..254 is written 255, and any undefined value fails to decode
/// </code>
/// <para>Strings are nullable on the wire even where the model says they are not (a default operation's
/// <see cref="CallOperation.CallId"/>), so what was encoded is what comes back.</para>
/// <para><see cref="CallRecord.RawData"/> is always <see langword="null"/> in the operations the logger makes (the
/// snapshot moved it into <see cref="CallOperation.RawDataJson"/>). Should one hold an object, its compact JSON text
/// (<c>JsonNode.ToJsonString()</c>) is written, so nothing is dropped, and decoding parses it back with
/// <c>JsonNode.Parse</c>: the same properties and values, not the same node instances.</para>
/// <para>A later version changes the first byte; a decoder refuses a version it does not know.</para>
/// </summary>
// Not MessagePack or protobuf-net (served): the journal's on-disk format is a contract we version and fuzz ourselves, encoded with no reflection (AOT), no allocation and bit-exact doubles on the caller's thread.
internal static class OperationCodec
{
    public const byte Version = 1;

    private const int InitialScratchBytes = 512;

    // Everything of an operation that is not a string or its call record, at its largest.
    private const int FixedOperationBytes = 1 + 1 + 1 + 1 + 16 + 10 + 4 + 9 + 9 + 8 + 8 + 1;

    private const byte HasUserId = 0x01;
    private const byte HasProfit = 0x02;
    private const byte HasLineMovementSpeed = 0x04;
    private const byte HasCall = 0x08;
    private const byte KnownOperationFlags = HasUserId | HasProfit | HasLineMovementSpeed | HasCall;

    /// <summary>
    /// Writes <paramref name="operation"/> into <paramref name="scratch"/> from index 0, replacing the array with one
    /// twice as large (as often as needed) when it is too small, and returns the number of bytes written. Allocates
    /// nothing else, unless the call record holds a <see cref="CallRecord.RawData"/> object (never in the logger's own
    /// operations), whose JSON text it builds.
    /// </summary>
    /// <remarks>
    /// Throws only what serializing such a <see cref="CallRecord.RawData"/> object throws, or
    /// <see cref="ArgumentException"/> for an operation whose worst-case size exceeds the largest array (strings of
    /// hundreds of millions of characters, far past what the logger accepts).
    /// </remarks>
    public static int Encode(in CallOperation operation, ref byte[] scratch)
    {
        var call = operation.Call;
        var rawData = call?.RawData?.ToJsonString();
        var bound = FixedOperationBytes + PayloadWriter.StringBound(operation.CallId?.Length ?? 0)
            + PayloadWriter.StringBound(operation.RawDataJson?.Length ?? 0);
        if (call is not null)
        {
            bound += CallRecordCodec.Bound(call, rawData);
        }

        EnsureCapacity(ref scratch, bound);
        var writer = new PayloadWriter(scratch);
        writer.Byte(Version);
        writer.Enum((int)operation.Kind);
        writer.Byte((byte)((operation.UserId.HasValue ? HasUserId : 0)
            | (operation.Profit.HasValue ? HasProfit : 0)
            | (operation.LineMovementSpeed.HasValue ? HasLineMovementSpeed : 0)
            | (call is not null ? HasCall : 0)));
        writer.Enum((int)operation.Outcome);
        writer.Guid(operation.OperationId);
        writer.Date(operation.Timestamp);
        writer.Int32(operation.UsersNotified);
        writer.Odds(operation.ClosingLineA);
        writer.Odds(operation.ClosingLineB);
        if (operation.UserId is { } userId)
        {
            writer.Int64(userId);
        }

        if (operation.Profit is { } profit)
        {
            writer.Double(profit);
        }

        if (operation.LineMovementSpeed is { } speed)
        {
            writer.Enum((int)speed);
        }

        writer.String(operation.CallId);
        writer.String(operation.RawDataJson);
        if (call is not null)
        {
            CallRecordCodec.Write(ref writer, call, rawData);
        }

        return writer.Position;
    }

    /// <summary>
    /// Reads an operation written by <see cref="Encode"/>. Returns <see langword="false"/>, and never throws, for any
    /// other bytes: another version, a truncated or extended payload, a length past the end, invalid UTF-8, an undefined
    /// enum value, a reserved flag bit, a date out of range or raw data that is not a JSON object.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> payload, out CallOperation operation)
    {
        operation = default;
        var reader = new PayloadReader(payload);
        if (!reader.Byte(out var version) || version != Version
            || !reader.Byte(out var kind) || !Enum.IsDefined((CallOperationKind)kind)
            || !reader.Byte(out var flags) || (flags & ~KnownOperationFlags) != 0
            || !reader.Byte(out var outcome) || !Enum.IsDefined((CallOutcome)outcome)
            || !reader.Guid(out var operationId)
            || !reader.Date(out var timestamp)
            || !reader.Int32(out var usersNotified)
            || !reader.Odds(out var closingLineA)
            || !reader.Odds(out var closingLineB))
        {
            return false;
        }

        long? userId = null;
        double? profit = null;
        LineMovementSpeed? speed = null;
        if ((flags & HasUserId) != 0)
        {
            if (!reader.Int64(out var value))
            {
                return false;
            }

            userId = value;
        }

        if ((flags & HasProfit) != 0)
        {
            if (!reader.Double(out var value))
            {
                return false;
            }

            profit = value;
        }

        if ((flags & HasLineMovementSpeed) != 0)
        {
            if (!reader.Byte(out var value) || !Enum.IsDefined((LineMovementSpeed)value))
            {
                return false;
            }

            speed = (LineMovementSpeed)value;
        }

        CallRecord? call = null;
        if (!reader.String(out var callId) || !reader.String(out var rawDataJson)
            || ((flags & HasCall) != 0 && !CallRecordCodec.TryRead(ref reader, out call))
            || !reader.AtEnd)
        {
            return false;
        }

        operation = new CallOperation
        {
            OperationId = operationId,
            Kind = (CallOperationKind)kind,
            CallId = callId!,
            Timestamp = timestamp,
            Call = call,
            RawDataJson = rawDataJson,
            UsersNotified = usersNotified,
            UserId = userId,
            Outcome = (CallOutcome)outcome,
            Profit = profit,
            ClosingLineA = closingLineA,
            ClosingLineB = closingLineB,
            LineMovementSpeed = speed,
        };
        return true;
    }

    private static void EnsureCapacity(ref byte[] scratch, long bound)
    {
        if (scratch is not null && scratch.Length >= bound)
        {
            return;
        }

        if (bound > Array.MaxLength)
        {
            throw new ArgumentException("The operation is too large for one payload.", nameof(bound));
        }

        long size = Math.Max(scratch?.Length ?? 0, InitialScratchBytes);
        while (size < bound)
        {
            size *= 2;
        }

        // Written from index 0 every time, so the old bytes need not be copied.
        scratch = new byte[Math.Min(size, Array.MaxLength)];
    }
}
