namespace SafeCallLogger;

/// <summary>How the logger derives a call id when <see cref="CallRecord.CallId"/> is not set (<see cref="CallLoggerOptions.CallIdRecipe"/>).</summary>
public enum CallIdRecipe
{
    /// <summary>
    /// <see cref="CallIds.Compute(string?, string?, string?, string?, Odds, Odds, DateTimeOffset)"/>: XXH64 of a
    /// length-prefixed binary key, UTC hour, odds compared by their decimal value. Fast and unambiguous. The default.
    /// </summary>
    XxHash64 = 0,

    /// <summary>
    /// <see cref="CallIds.ComputePythonBotCompatible(string?, string?, string?, string?, Odds, Odds, DateTimeOffset, TimeZoneInfo?)"/>:
    /// the Python bot's recipe, <c>md5(f"{team_a}_{team_b}_{book_a}_{book_b}_{odds_a}_{odds_b}_{local YYYYMMDDHH}")[:16]</c>,
    /// so that ids equal the Python bot's for the same alert (moving over mid-stream, or a fleet mixing both). Slower,
    /// and the hour is local time (<see cref="CallLoggerOptions.CallIdTimeZone"/>).
    /// </summary>
    PythonBotMd5 = 1,
}
