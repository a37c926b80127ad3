using Npgsql;
using NpgsqlTypes;
using SafeCallLogger.Analytics;
using SafeCallLogger.Storage;

namespace SafeCallLogger.PostgreSql.Internal;

/// <summary>
/// What every PostgreSQL analytics query shares: the validated filter, the <c>WHERE</c> that picks its calls (test
/// calls of <c>/ml_test</c> left out, the time range on <c>alert_sent_at</c>), the SQL of each dimension's group key
/// (already the row's key: <c>"14"</c>, <c>"Monday"</c>, <c>"1-2%"</c>), and the parameters the SQL names
/// (<c>@since</c>, <c>@until</c>, <c>@tz</c>, <c>@bands</c>, <c>@band_labels</c>).
/// </summary>
/// <remarks>
/// Unlike SQLite, PostgreSQL knows the IANA zones, so local hours, weekdays and days are computed in SQL with
/// <c>AT TIME ZONE @tz</c> (<see cref="PgZone"/>; a zone without an IANA id gets its offsets from .NET instead).
/// </remarks>
internal sealed class PgAnalyticsScope
{
    /// <summary>The CTE the bookmaker queries join to read each call's two sides (<c>s.side</c> 0 is A, 1 is B).</summary>
    public const string SidesCte = "sides(side) AS (VALUES (0), (1))";

    private PgAnalyticsScope(AnalyticsFilter filter, double[] edges)
    {
        Filter = filter;
        Edges = edges;
        Labels = AnalyticsRules.RoiBandLabels(edges);
        Zone = PgZone.For(filter.TimeZone ?? TimeZoneInfo.Utc);
    }

    public AnalyticsFilter Filter { get; }

    /// <summary>The ROI band edges, checked: finite and strictly ascending.</summary>
    public double[] Edges { get; }

    /// <summary>The band labels: <c>&lt;0%</c>, <c>0-1%</c>, ..., <c>10%+</c>.</summary>
    public string[] Labels { get; }

    /// <summary>How the SQL reads local times; see <see cref="FallBackToDotNetZone"/>.</summary>
    public PgZone Zone { get; private set; }

    /// <summary>Checks <paramref name="filter"/> as every store does. Throws <see cref="ArgumentException"/> for bad band edges, a reversed range or an unknown dimension.</summary>
    public static PgAnalyticsScope Create(AnalyticsFilter? filter, CallDimension? by = null)
    {
        filter ??= new AnalyticsFilter();
        var edges = AnalyticsRules.CheckedEdges(filter, by);
        return new PgAnalyticsScope(filter, edges);
    }

    /// <summary>
    /// Switches to .NET's rules for the zone when PostgreSQL does not know its IANA id (a server with older time zone
    /// data than .NET's, error 22023); <see langword="false"/> when the zone is already read that way.
    /// </summary>
    public bool FallBackToDotNetZone()
    {
        if (Zone.Iana is not { } iana)
        {
            return false;
        }

        Zone = PgZone.UnknownIana(Filter.TimeZone ?? TimeZoneInfo.Utc, iana);
        return true;
    }

    /// <summary>The conditions that pick the filter's calls (alias <paramref name="alias"/>): never a <c>/ml_test</c> call, <c>alert_sent_at</c> in the range.</summary>
    public string CallConditions(string alias = "c")
    {
        var conditions = $"{alias}.data_source IS DISTINCT FROM '{StoreSelfTest.DataSource}'";
        if (Filter.Since is not null)
        {
            conditions += $" AND {alias}.alert_sent_at >= @since";
        }

        if (Filter.Until is not null)
        {
            conditions += $" AND {alias}.alert_sent_at < @until";
        }

        return conditions;
    }

    /// <summary>The condition that a per-user row (alias <paramref name="alias"/>) belongs to one of the filter's calls; without a range, only the test calls are looked up (as SQLite does).</summary>
    public string CallIdConditions(PgTableNames t, string alias) =>
        Filter.Since is null && Filter.Until is null
            ? $"{alias}.call_id NOT IN (SELECT call_id FROM {t.Calls} WHERE data_source = '{StoreSelfTest.DataSource}')"
            : $"{alias}.call_id IN (SELECT c.call_id FROM {t.Calls} AS c WHERE {CallConditions()})";

    /// <summary>Whether <paramref name="by"/> reads each call's two sides (join <see cref="SidesCte"/> as <c>s</c>).</summary>
    public static bool UsesSides(CallDimension? by) => by == CallDimension.Bookmaker;

    /// <summary>The join that gives each call once per bookmaker: side B only when its bookmaker differs from side A's.</summary>
    public static string SidesJoin(CallDimension? by, string alias = "c") =>
        UsesSides(by) ? $" JOIN sides AS s ON s.side = 0 OR {alias}.bookmaker_b IS DISTINCT FROM {alias}.bookmaker_a" : string.Empty;

    /// <summary>The <c>WITH</c> clause a query over <paramref name="by"/> needs, or nothing.</summary>
    public static string With(CallDimension? by) => UsesSides(by) ? "WITH " + SidesCte + "\n" : string.Empty;

    /// <summary>
    /// The SQL of the group key of <paramref name="by"/> (alias <paramref name="alias"/>), already the row's key; NULL
    /// for no dimension (one group). A pair's books are ordered by code point (<c>COLLATE "C"</c>), whatever the
    /// database's collation; a band is <c>width_bucket</c> over the edges (a value on an edge falls in the band above).
    /// </summary>
    public string KeySql(CallDimension? by, string alias = "c") => by switch
    {
        null => "NULL::text",
        CallDimension.CallType => $"{alias}.call_type",
        CallDimension.Sport => $"{alias}.sport",
        CallDimension.League => $"{alias}.league",
        CallDimension.Market => $"{alias}.market_type",
        CallDimension.Bookmaker => $"(CASE s.side WHEN 0 THEN {alias}.bookmaker_a ELSE {alias}.bookmaker_b END)",
        CallDimension.BookmakerPair => $"(CASE WHEN {alias}.bookmaker_a COLLATE \"C\" <= {alias}.bookmaker_b THEN {alias}.bookmaker_a || ' / ' || {alias}.bookmaker_b ELSE {alias}.bookmaker_b || ' / ' || {alias}.bookmaker_a END)",
        CallDimension.RoiBand => $"(@band_labels::text[])[width_bucket({alias}.roi_percent, @bands::float8[]) + 1]",
        CallDimension.HourOfDay => $"to_char({Zone.LocalSql(alias + ".alert_sent_at")}, 'HH24')",
        CallDimension.Weekday => $"to_char({Zone.LocalSql(alias + ".alert_sent_at")}, 'FMDay')",
        _ => throw new ArgumentException($"Unknown dimension {by}.", nameof(by)),
    };

    /// <summary>Binds the parameters <paramref name="sql"/> names.</summary>
    public void Bind(NpgsqlParameterCollection parameters, string sql)
    {
        if (Filter.Since is { } since && sql.Contains("@since", StringComparison.Ordinal))
        {
            parameters.Add(new NpgsqlParameter<DateTimeOffset>("since", NpgsqlDbType.TimestampTz) { TypedValue = since.ToUniversalTime() });
        }

        if (Filter.Until is { } until && sql.Contains("@until", StringComparison.Ordinal))
        {
            parameters.Add(new NpgsqlParameter<DateTimeOffset>("until", NpgsqlDbType.TimestampTz) { TypedValue = until.ToUniversalTime() });
        }

        if (sql.Contains("@band_labels", StringComparison.Ordinal))
        {
            parameters.Add(new NpgsqlParameter<double[]>("bands", NpgsqlDbType.Array | NpgsqlDbType.Double) { TypedValue = Edges });
            parameters.Add(new NpgsqlParameter<string[]>("band_labels", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = Labels });
        }

        Zone.Bind(parameters, sql);
    }
}
