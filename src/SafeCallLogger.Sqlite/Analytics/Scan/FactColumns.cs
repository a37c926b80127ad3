namespace SafeCallLogger.Sqlite.Internal;

/// <summary>The groups of values a pass of the one-pass answers reads of each call (<see cref="CallFacts"/>): only what its questions sum.</summary>
[Flags]
internal enum FactColumns
{
    None = 0,

    /// <summary>The id, to merge the per-user rows with, and whether the filter picks the call (every call is read).</summary>
    Id = 1,

    /// <summary>The send time (days, hours, weekdays, time to first click).</summary>
    SentAt = 2,

    /// <summary>Clicks and users notified and bet (conversion, daily activity).</summary>
    Counts = 4,

    /// <summary>Outcome, profit, stake, ROI (results, daily activity).</summary>
    Results = 8,

    /// <summary>Both sides' CLV.</summary>
    Clv = 16,

    /// <summary>The recorded line movement speed.</summary>
    Speed = 32,

    /// <summary>The expiry, for the lifetime (with <see cref="SentAt"/>).</summary>
    Lifetime = 64,

    /// <summary>Both sides' bookmakers.</summary>
    Bookmakers = 128,
}
