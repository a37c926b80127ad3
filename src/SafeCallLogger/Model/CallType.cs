namespace SafeCallLogger;

/// <summary>The kind of betting alert a call is. Stored in <c>call_type</c> as <c>arbitrage</c>, <c>middle</c> or <c>good_ev</c>.</summary>
public enum CallType
{
    /// <summary>Two bookmakers whose odds guarantee a profit (<c>arbitrage</c>).</summary>
    Arbitrage = 1,

    /// <summary>Two lines with a window where both bets win (<c>middle</c>).</summary>
    Middle = 2,

    /// <summary>A single bet priced above its fair value (<c>good_ev</c>).</summary>
    GoodEv = 3,
}
