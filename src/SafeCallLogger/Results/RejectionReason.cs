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

    /// <summary>Odds are not finite or impossible (decimal at or below 1, American between -100 and +100).</summary>
    InvalidOdds,

    /// <summary>A number is NaN or infinite.</summary>
    NonFiniteNumber,

    /// <summary>A count or stake is negative.</summary>
    NegativeValue,

    /// <summary>A text is longer than <see cref="CallLoggerOptions.MaxStringLength"/>.</summary>
    StringTooLong,

    /// <summary><c>raw_data</c> has more than <see cref="CallLoggerOptions.MaxRawDataProperties"/> top-level properties.</summary>
    RawDataTooLarge,

    /// <summary>Reading the input threw (for instance a custom <see cref="CallRecord.NotifiedUserIds"/> list); the exception is logged.</summary>
    UnreadableInput,
}
