namespace SafeCallLogger;

/// <summary>
/// The exact text each enum value is stored as. These strings are part of the public data contract:
/// operators query them by hand and other code reads them.
/// </summary>
public static class StorageValues
{
    /// <summary>Returns <c>arbitrage</c>, <c>middle</c> or <c>good_ev</c>. Never throws: an undefined value gives <c>unknown</c>.</summary>
    /// <param name="value">The call type.</param>
    public static string ToStorageValue(this CallType value) => value switch
    {
        CallType.Arbitrage => "arbitrage",
        CallType.Middle => "middle",
        CallType.GoodEv => "good_ev",
        _ => "unknown",
    };

    /// <summary>Returns <c>a_won</c>, <c>b_won</c>, <c>push</c> or <c>unknown</c>. Never throws.</summary>
    /// <param name="value">The outcome.</param>
    public static string ToStorageValue(this CallOutcome value) => value switch
    {
        CallOutcome.AWon => "a_won",
        CallOutcome.BWon => "b_won",
        CallOutcome.Push => "push",
        _ => "unknown",
    };

    /// <summary>Returns <c>fast</c>, <c>normal</c> or <c>slow</c>. Never throws: an undefined value gives <c>normal</c>.</summary>
    /// <param name="value">The line movement speed.</param>
    public static string ToStorageValue(this LineMovementSpeed value) => value switch
    {
        LineMovementSpeed.Fast => "fast",
        LineMovementSpeed.Slow => "slow",
        _ => "normal",
    };

    /// <summary>Parses a stored <c>call_type</c> value. Returns <see langword="false"/> for anything else; never throws.</summary>
    /// <param name="text">The stored text.</param>
    /// <param name="value">The parsed value, or 0 when the text is not a known value.</param>
    public static bool TryParseCallType(string? text, out CallType value)
    {
        value = text switch
        {
            "arbitrage" => CallType.Arbitrage,
            "middle" => CallType.Middle,
            "good_ev" => CallType.GoodEv,
            _ => 0,
        };
        return value != 0;
    }

    /// <summary>Parses a stored <c>actual_outcome</c> value. Returns <see langword="false"/> for anything else; never throws.</summary>
    /// <param name="text">The stored text.</param>
    /// <param name="value">The parsed value, or <see cref="CallOutcome.Unknown"/> when the text is not a known value.</param>
    public static bool TryParseOutcome(string? text, out CallOutcome value)
    {
        switch (text)
        {
            case "a_won": value = CallOutcome.AWon; return true;
            case "b_won": value = CallOutcome.BWon; return true;
            case "push": value = CallOutcome.Push; return true;
            case "unknown": value = CallOutcome.Unknown; return true;
            default: value = CallOutcome.Unknown; return false;
        }
    }

    /// <summary>Parses a stored <c>line_movement_speed</c> value. Returns <see langword="false"/> for anything else; never throws.</summary>
    /// <param name="text">The stored text.</param>
    /// <param name="value">The parsed value, or 0 when the text is not a known value.</param>
    public static bool TryParseLineMovementSpeed(string? text, out LineMovementSpeed value)
    {
        value = text switch
        {
            "fast" => LineMovementSpeed.Fast,
            "normal" => LineMovementSpeed.Normal,
            "slow" => LineMovementSpeed.Slow,
            _ => 0,
        };
        return value != 0;
    }
}
