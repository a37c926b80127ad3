namespace SafeCallLogger;

/// <summary>Why input was rejected. <see cref="LogResult.Field"/> names the column at fault.</summary>
public enum RejectionReason
{
    /// <summary>Not rejected.</summary>
    None = 0,

    /// <summary>The call record was <see langword="null"/>.</summary>
    MissingCall,

    /// <summary>The call id is missing, too long, or has characters outside <c>A-Z a-z 0-9 _ - . :</c>.</summary>
    InvalidCallId,

    /// <summary>An enum value (call type, outcome, line movement speed, odds format) is not one of the defined values.</summary>
    UnknownEnumValue,

    /// <summary>Team A or team B is missing or blank.</summary>
    MissingTeam,

    /// <summary>Bookmaker A or bookmaker B is missing or blank.</summary>
    MissingBookmaker,

    /// <summary>
    /// Odds are impossible (decimal at or below 1, American between -100 and +100) or absurdly large (decimal above
    /// <see cref="Odds.MaxDecimalValue"/>, 1,000,000; American above +99,999,900), for a call or its closing lines.
    /// </summary>
    InvalidOdds,

    /// <summary>A number is NaN or infinite, in a column or anywhere inside <c>raw_data</c> (field <c>raw_data</c>).</summary>
    NonFiniteNumber,

    /// <summary>A count or stake is negative, including a negative <c>Count</c> of <see cref="CallRecord.NotifiedUserIds"/>.</summary>
    NegativeValue,

    /// <summary>A text is longer than <see cref="CallLoggerOptions.MaxStringLength"/>.</summary>
    StringTooLong,

    /// <summary>
    /// <c>raw_data</c> has more than <see cref="CallLoggerOptions.MaxRawDataProperties"/> top-level properties, or its
    /// compact JSON text is longer than <see cref="CallLoggerOptions.MaxRawDataBytes"/> UTF-8 bytes.
    /// </summary>
    RawDataTooLarge,

    /// <summary>
    /// Reading the input threw: a custom <see cref="CallRecord.NotifiedUserIds"/> list whose enumerator throws (field
    /// <c>notified_user_ids</c>), a <see cref="CallRecord.RawData"/> value whose serialization throws (field
    /// <c>raw_data</c>), or anything else that throws while the call is read.
    /// </summary>
    UnreadableInput,

    /// <summary>
    /// A date (<c>alert_sent_at</c>, <c>expires_at</c>, <c>match_date</c>, <c>match_commence_time</c>) is before
    /// 2000-01-01 or not before 2200-01-01 UTC: a year-1 row would be deleted by the next retention run, and a
    /// year-9999 row would pin <c>MAX(alert_sent_at)</c>.
    /// </summary>
    DateOutOfRange,

    /// <summary><c>raw_data</c> nests objects and arrays deeper than <see cref="CallLoggerOptions.MaxRawDataDepth"/>.</summary>
    RawDataTooDeep,

    /// <summary><see cref="CallRecord.NotifiedUserIds"/> holds more than <see cref="CallLoggerOptions.MaxNotifiedUsers"/> ids.</summary>
    TooManyNotifiedUsers,

    /// <summary>
    /// <see cref="CallRecord.NotifiedUserIds"/> enumerated a different number of ids than its <c>Count</c> said (a
    /// list changed while it was read, or a custom list that lies): which one is right cannot be known.
    /// </summary>
    NotifiedUsersCountMismatch,
}
