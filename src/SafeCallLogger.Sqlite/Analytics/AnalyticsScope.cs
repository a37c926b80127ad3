using System.Globalization;
using Microsoft.Data.Sqlite;

using SafeCallLogger.Analytics;
using SafeCallLogger.Storage;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// What every analytics query shares: the validated filter, the <c>WHERE</c> that picks its calls (test calls of
/// <c>/ml_test</c> left out, the time range compared by time whatever text form a writer used), the SQL of each
/// dimension's raw group key, and the parameters.
/// </summary>
/// <remarks>
/// SQLite has no IANA time zones, so an hour, a weekday or a day is never computed in SQL: the SQL groups by the UTC
/// quarter-hour of <c>alert_sent_at</c> (<see cref="QuarterHourSql"/>), and <see cref="KeyFolder"/> folds each
/// quarter-hour into the zone's local hour, weekday or day with <see cref="TimeZoneInfo.ConvertTime(DateTimeOffset, TimeZoneInfo)"/>.
/// Every offset a zone has used since 1970 is a multiple of 15 minutes and every change happens on a quarter-hour, so a
/// quarter-hour lies in one local hour whatever the daylight-saving rules, and the fold is exact.
/// </remarks>
internal sealed class AnalyticsScope
{
    /// <summary>The CTE the bookmaker queries join to read each call's two sides (<c>s.side</c> 0 is A, 1 is B).</summary>
    public const string SidesCte = "sides(side) AS (VALUES (0), (1))";

    private AnalyticsScope(AnalyticsFilter filter, double[] edges)
    {
        Filter = filter;
        Edges = edges;
        Keys = new KeyFolder(filter.TimeZone ?? TimeZoneInfo.Utc, edges);
    }

    public AnalyticsFilter Filter { get; }

    /// <summary>The ROI band edges, checked: finite and strictly ascending.</summary>
    public double[] Edges { get; }

    /// <summary>Turns the raw keys the SQL gives into the keys of the rows.</summary>
    public KeyFolder Keys { get; }

    /// <summary>The same filter with a key folder of its own, for a read on another thread (<see cref="KeyFolder"/> is not thread-safe).</summary>
    public AnalyticsScope Fork() => new(Filter, Edges);

    /// <summary>Checks <paramref name="filter"/> (<see langword="null"/> is every call, UTC, default bands). Throws <see cref="ArgumentException"/> for bad band edges or an unknown dimension.</summary>
    public static AnalyticsScope Create(AnalyticsFilter? filter, CallDimension? by = null)
    {
        filter ??= new AnalyticsFilter();
        var edges = AnalyticsRules.CheckedEdges(filter, by);
        return new AnalyticsScope(filter, edges);
    }

    /// <summary>
    /// The conditions on the calls table (alias <paramref name="alias"/>) that pick the filter's calls: never a test
    /// call of <c>/ml_test</c> (<c>data_source = 'ml_test'</c>), and <c>alert_sent_at</c> in the time range by time.
    /// </summary>
    public string CallConditions(string alias = "c")
    {
        var conditions = $"{alias}.data_source IS NOT '{StoreSelfTest.DataSource}'";
        if (Filter.Since is not null)
        {
            conditions += $" AND {SqliteText.JulianDaySql(alias + ".alert_sent_at")} >= julianday($since)";
        }

        if (Filter.Until is not null)
        {
            conditions += $" AND {SqliteText.JulianDaySql(alias + ".alert_sent_at")} < julianday($until)";
        }

        return conditions;
    }

    /// <summary>
    /// The condition that a per-user row (alias <paramref name="alias"/>) belongs to one of the filter's calls. Without a
    /// time range only the test calls are looked up (a partial index of schema 5 finds them without a scan).
    /// </summary>
    public string CallIdConditions(TableNames t, string alias) =>
        Filter.Since is null && Filter.Until is null
            ? $"{alias}.call_id NOT IN (SELECT call_id FROM {t.Calls} WHERE data_source = '{StoreSelfTest.DataSource}' AND call_id IS NOT NULL)"
            : $"{alias}.call_id IN (SELECT c.call_id FROM {t.Calls} AS c WHERE {CallConditions()})";

    /// <summary>Whether <paramref name="by"/> reads each call's two sides (join <see cref="SidesCte"/> as <c>s</c>).</summary>
    public static bool UsesSides(CallDimension? by) => by == CallDimension.Bookmaker;

    /// <summary>The join that gives each call once per bookmaker: side B only when its bookmaker differs from side A's.</summary>
    public static string SidesJoin(CallDimension? by, string alias = "c") =>
        UsesSides(by) ? $" JOIN sides AS s ON s.side = 0 OR {alias}.bookmaker_b IS NOT {alias}.bookmaker_a" : string.Empty;

    /// <summary>The <c>WITH</c> clause a query over <paramref name="by"/> needs, or nothing.</summary>
    public static string With(CallDimension? by) => UsesSides(by) ? "WITH " + SidesCte + "\n" : string.Empty;

    /// <summary>
    /// The SQL of the raw group key of <paramref name="by"/> on the calls table (alias <paramref name="alias"/>): the
    /// column's text; for a bookmaker, side <c>s.side</c>'s; for a ROI band, its number (0 is below the first edge); for
    /// an hour or a weekday, the UTC quarter-hour. <c>'*'</c> for no dimension (one group).
    /// </summary>
    public string KeySql(CallDimension? by, string alias = "c") => by switch
    {
        null => "'*'",
        CallDimension.CallType => $"{alias}.call_type",
        CallDimension.Sport => $"{alias}.sport",
        CallDimension.League => $"{alias}.league",
        CallDimension.Market => $"{alias}.market_type",
        CallDimension.Bookmaker => $"(CASE s.side WHEN 0 THEN {alias}.bookmaker_a ELSE {alias}.bookmaker_b END)",
        CallDimension.BookmakerPair => $"(CASE WHEN {alias}.bookmaker_a <= {alias}.bookmaker_b THEN {alias}.bookmaker_a || ' / ' || {alias}.bookmaker_b ELSE {alias}.bookmaker_b || ' / ' || {alias}.bookmaker_a END)",
        CallDimension.RoiBand => RoiBandSql($"{alias}.roi_percent"),
        CallDimension.HourOfDay or CallDimension.Weekday => QuarterHourSql($"{alias}.alert_sent_at"),
        _ => throw new ArgumentException($"Unknown dimension {by}.", nameof(by)),
    };

    /// <summary>
    /// The UTC quarter-hour of a time in any stored form, counted from the Unix epoch (milliseconds rounded first, so an
    /// exact <c>23:30:00</c> never lands in the quarter before through floating point); NULL for an unreadable time.
    /// </summary>
    public static string QuarterHourSql(string column) =>
        $"({CallFactsSql.Milliseconds(SqliteText.JulianDaySql(column), SqliteText.UnixEpochJulianDay.ToString("R", CultureInfo.InvariantCulture))} / 900000)";

    /// <summary><c>$since</c> and <c>$until</c> when the filter has them, in the canonical text form.</summary>
    public IEnumerable<KeyValuePair<string, string>> Parameters()
    {
        if (Filter.Since is { } since)
        {
            yield return new("$since", SqliteText.Timestamp(since));
        }

        if (Filter.Until is { } until)
        {
            yield return new("$until", SqliteText.Timestamp(until));
        }
    }

    /// <summary>Binds <c>$since</c> and <c>$until</c> when the filter has them.</summary>
    public void Bind(SqliteCommand command)
    {
        foreach (var (name, value) in Parameters())
        {
            command.Parameters.AddWithValue(name, value);
        }
    }

    /// <summary>A command in <paramref name="transaction"/> with the filter's parameters bound.</summary>
    public SqliteCommand Command(SqliteTransaction transaction, string sql)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        Bind(command);
        return command;
    }

    // A value on an edge falls in the band above it: the first edge it is below names its band.
    private string RoiBandSql(string column)
    {
        var sql = new System.Text.StringBuilder($"(CASE WHEN {column} IS NULL THEN NULL");
        for (var i = 0; i < Edges.Length; i++)
        {
            sql.Append(CultureInfo.InvariantCulture, $" WHEN {column} < {Edges[i].ToString("R", CultureInfo.InvariantCulture)} THEN {i}");
        }

        return sql.Append(CultureInfo.InvariantCulture, $" ELSE {Edges.Length} END)").ToString();
    }
}
