namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// The per-call expressions the analytics sum, written once: the single queries aggregate them in SQL and the one-pass
/// answers (<see cref="CallScan"/>) select them per call, so both read a call the same way. The calls table is <c>c</c>.
/// </summary>
internal static class CallFactsSql
{
    /// <summary>The call has at least one click.</summary>
    public const string Clicked = "COALESCE(c.alert_clicked_count, 0) > 0";

    /// <summary>The call has an outcome other than <c>unknown</c>.</summary>
    public const string ResultKnown = "(c.actual_outcome IS NOT NULL AND c.actual_outcome <> 'unknown')";

    /// <summary>The call is settled: an outcome other than <c>unknown</c> and a profit.</summary>
    public const string Settled = ResultKnown + " AND c.actual_profit IS NOT NULL";

    /// <summary>The call's return on its stake, in percent, when it has a stake above 0.</summary>
    public const string RoiOfStake = "CASE WHEN c.total_stake > 0 THEN c.actual_profit / c.total_stake * 100 END";

    /// <summary>The call's lifetime (<c>expires_at − alert_sent_at</c>) in whole milliseconds, by time whatever the forms.</summary>
    public static string LifetimeMs { get; } = Milliseconds(SqliteText.JulianDaySql("c.expires_at"), SqliteText.JulianDaySql("c.alert_sent_at"));

    /// <summary>Whole milliseconds from Julian day <paramref name="from"/> to <paramref name="to"/>, rounded half away from zero.</summary>
    public static string Milliseconds(string to, string from) => $"CAST(round(({to} - {from}) * 86400000) AS INTEGER)";

    /// <summary>The same in C#, for a difference the scan computes (SQLite's <c>round</c> rounds half away from zero).</summary>
    public static long Milliseconds(double to, double from) => (long)Math.Round((to - from) * 86400000, MidpointRounding.AwayFromZero);

    /// <summary><see cref="AnalyticsScope.QuarterHourSql"/> in C#, from the time's Julian day: the UTC quarter-hour counted from the Unix epoch.</summary>
    public static long QuarterHour(double julianDay) => Milliseconds(julianDay, SqliteText.UnixEpochJulianDay) / 900000;
}
