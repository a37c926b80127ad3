namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// One call as the one-pass answers (<see cref="CallScan"/>) read it: every value a question sums, each computed in
/// SQL with the same expression the single query aggregates (<see cref="CallFactsSql"/>), and the call's key in each
/// asked dimension, folded as the single queries fold theirs. One instance is reused for every call.
/// </summary>
internal sealed class CallFacts
{
    private const int IdOrdinal = 0;
    private const int InScopeOrdinal = 1;
    private const int FirstKeyOrdinal = 18;

    private readonly AnalyticsScope _scope;
    private readonly CallDimension[] _selectedDimensions;
    private readonly CallDimension[] _timeDimensions;
    private readonly string?[] _keys;
    private byte[] _id = new byte[64];
    private int _idLength;

    public CallFacts(AnalyticsScope scope, IEnumerable<CallDimension> dimensions)
    {
        _scope = scope;
        var keyed = dimensions.Distinct().Where(static d => d != CallDimension.Bookmaker).ToList();
        _selectedDimensions = [.. keyed.Where(static d => !KeyFolder.IsTimeDimension(d))];
        _timeDimensions = [.. keyed.Where(static d => KeyFolder.IsTimeDimension(d))];
        _keys = new string?[Enum.GetValues<CallDimension>().Length];
    }

    /// <summary>Whether the call's id is text: per-user rows are matched to it (<see cref="Id"/>).</summary>
    public bool HasId { get; private set; }

    /// <summary>The UTF-8 bytes of the call's id, as SQLite's <c>BINARY</c> collation compares them.</summary>
    public ReadOnlySpan<byte> Id => _id.AsSpan(0, _idLength);

    /// <summary>Whether the filter picks this call (not a test call, in the time range).</summary>
    public bool InScope { get; private set; }

    public long? QuarterHour { get; private set; }

    public bool Clicked { get; private set; }

    public double ClickCount { get; private set; }

    public double UsersNotified { get; private set; }

    public double UsersBet { get; private set; }

    public bool ResultKnown { get; private set; }

    public double? Profit { get; private set; }

    public double? Stake { get; private set; }

    public double? RoiOfStake { get; private set; }

    public double? RoiPercent { get; private set; }

    public double? ClvA { get; private set; }

    public double? ClvB { get; private set; }

    /// <summary>1 fast, 2 normal, 3 slow, 0 for no recorded speed.</summary>
    public int Speed { get; private set; }

    /// <summary>The Julian day of <c>alert_sent_at</c>, by time whatever its form.</summary>
    public double? SentJulianDay { get; private set; }

    public long? LifetimeMs { get; private set; }

    /// <summary>Set by the scan from the call's per-user clicks: milliseconds from the alert to the first click.</summary>
    public long? FirstClickMs { get; set; }

    public string? BookmakerA { get; private set; }

    public string? BookmakerB { get; private set; }

    /// <summary>Settled as the results query counts it: an outcome other than <c>unknown</c> and a profit.</summary>
    public bool Settled => ResultKnown && Profit is not null;

    /// <summary>
    /// The SQL that reads every call (<paramref name="allCalls"/>, with <c>in_scope</c> telling the filter's, so that
    /// the per-user rows of the others are recognized and passed over) or only the filter's, in <c>call_id</c> order
    /// when per-user rows are merged with them.
    /// </summary>
    public string Sql(TableNames t, bool allCalls, bool byId)
    {
        var keys = string.Concat(_selectedDimensions.Select(d => $",\n       {_scope.KeySql(d)}"));
        return $"""
            SELECT CASE WHEN typeof(c.call_id) = 'text' THEN c.call_id END, {(allCalls ? $"({_scope.CallConditions()})" : "1")},
                   {SqliteText.JulianDaySql("c.alert_sent_at")}, {SqliteText.JulianDaySql("c.expires_at")},
                   {CallFactsSql.Clicked}, c.alert_clicked_count, c.total_users_notified, c.total_users_bet,
                   {CallFactsSql.ResultKnown}, c.actual_profit, c.total_stake, {CallFactsSql.RoiOfStake}, c.roi_percent,
                   c.clv_a, c.clv_b, CASE c.line_movement_speed WHEN 'fast' THEN 1 WHEN 'normal' THEN 2 WHEN 'slow' THEN 3 ELSE 0 END,
                   c.bookmaker_a, c.bookmaker_b{keys}
            FROM {t.Calls} AS c{(allCalls ? string.Empty : $"\nWHERE {_scope.CallConditions()}")}{(byId ? "\nORDER BY c.call_id" : string.Empty)}
            """;
    }

    /// <summary>Reads the current row of <paramref name="rows"/> (of <see cref="Sql"/>).</summary>
    public void Read(RawRows rows)
    {
        HasId = !rows.IsNull(IdOrdinal);
        if (HasId)
        {
            var id = rows.Bytes(IdOrdinal);
            if (id.Length > _id.Length)
            {
                _id = new byte[Math.Max(id.Length, _id.Length * 2)];
            }

            id.CopyTo(_id);
            _idLength = id.Length;
        }

        InScope = rows.Long(InScopeOrdinal) != 0;
        SentJulianDay = rows.NullableDouble(2);
        var expires = rows.NullableDouble(3);

        // The quarter-hour and the lifetime from the two Julian days, as QuarterHourSql and LifetimeMs compute them in
        // SQL: each time is parsed once.
        QuarterHour = SentJulianDay is { } sent ? CallFactsSql.QuarterHour(sent) : null;
        LifetimeMs = SentJulianDay is { } from && expires is { } to ? CallFactsSql.Milliseconds(to, from) : null;
        Clicked = rows.Long(4) != 0;
        ClickCount = rows.Double(5);
        UsersNotified = rows.Double(6);
        UsersBet = rows.Double(7);
        ResultKnown = rows.Long(8) != 0;
        Profit = rows.NullableDouble(9);
        Stake = rows.NullableDouble(10);
        RoiOfStake = rows.NullableDouble(11);
        RoiPercent = rows.NullableDouble(12);
        ClvA = rows.NullableDouble(13);
        ClvB = rows.NullableDouble(14);
        Speed = (int)rows.Long(15);
        BookmakerA = rows.Text(16);
        BookmakerB = rows.Text(17);
        FirstClickMs = null;
        for (var i = 0; i < _selectedDimensions.Length; i++)
        {
            var by = _selectedDimensions[i];
            var column = FirstKeyOrdinal + i;
            _keys[(int)by] = by != CallDimension.RoiBand ? rows.Text(column) : rows.IsNull(column) ? null : _scope.Keys.Band(rows.Long(column));
        }

        foreach (var by in _timeDimensions)
        {
            _keys[(int)by] = _scope.Keys.Key(by, QuarterHour);
        }
    }

    /// <summary>The call's key in <paramref name="by"/> (side A's bookmaker for <see cref="CallDimension.Bookmaker"/>); <see langword="null"/> for no dimension.</summary>
    public string? KeyOf(CallDimension? by) => by switch
    {
        null => null,
        CallDimension.Bookmaker => BookmakerA,
        { } d => _keys[(int)d],
    };

    /// <summary>Whether the call also counts under side B's bookmaker: by bookmaker, when it is not side A's (<c>IS NOT</c>).</summary>
    public bool CountsUnderBookmakerB(CallDimension? by) => by == CallDimension.Bookmaker && !string.Equals(BookmakerA, BookmakerB, StringComparison.Ordinal);
}
