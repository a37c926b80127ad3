namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// One call as the one-pass answers (<see cref="CallScan"/>) read it: every value a question sums, each computed with
/// the same expression the single query aggregates (<see cref="CallFactsSql"/>, in SQL; the times and the ROI band
/// in C# from the plain columns, to the same results: <see cref="RawRows.JulianDay"/>, <see cref="RoiBandOf"/>), and
/// the call's key in each asked dimension, folded as the single queries fold theirs. One instance is reused for every call.
/// </summary>
internal sealed class CallFacts
{
    private readonly AnalyticsScope _scope;
    private readonly FactColumns _columns;
    private readonly CallDimension[] _selectedDimensions;
    private readonly CallDimension[] _timeDimensions;
    private readonly string?[] _keys;
    private readonly List<string> _select = [];
    private readonly TextCache?[] _texts;
    private readonly int _sent;
    private readonly int _counts;
    private readonly int _results;
    private readonly int _clv;
    private readonly int _speed;
    private readonly int _expires;
    private readonly int _bookmakers;
    private readonly int _firstKey;
    private byte[] _id = new byte[64];
    private int _idLength;

    /// <summary>Reads <paramref name="columns"/> and the keys of <paramref name="dimensions"/> (the time's and both bookmakers' added as they need).</summary>
    public CallFacts(AnalyticsScope scope, IEnumerable<CallDimension> dimensions, FactColumns columns)
    {
        _scope = scope;
        var keyed = dimensions.Distinct().ToList();
        _selectedDimensions = [.. keyed.Where(static d => d != CallDimension.Bookmaker && !KeyFolder.IsTimeDimension(d))];
        _timeDimensions = [.. keyed.Where(static d => KeyFolder.IsTimeDimension(d))];
        _keys = new string?[Enum.GetValues<CallDimension>().Length];
        _columns = columns
            | (_timeDimensions.Length > 0 || columns.HasFlag(FactColumns.Lifetime) ? FactColumns.SentAt : FactColumns.None)
            | (keyed.Contains(CallDimension.Bookmaker) ? FactColumns.Bookmakers : FactColumns.None);
        Select(FactColumns.Id, "c.call_id", $"({scope.CallConditions()})");
        _sent = Select(FactColumns.SentAt, "c.alert_sent_at");
        _counts = Select(FactColumns.Counts, CallFactsSql.Clicked, "c.alert_clicked_count", "c.total_users_notified", "c.total_users_bet");
        _results = Select(FactColumns.Results, CallFactsSql.ResultKnown, "c.actual_profit", "c.total_stake", CallFactsSql.RoiOfStake, "c.roi_percent");
        _clv = Select(FactColumns.Clv, "c.clv_a", "c.clv_b");
        _speed = Select(FactColumns.Speed, "CASE c.line_movement_speed WHEN 'fast' THEN 1 WHEN 'normal' THEN 2 WHEN 'slow' THEN 3 ELSE 0 END");
        _expires = Select(FactColumns.Lifetime, "c.expires_at");
        _bookmakers = Select(FactColumns.Bookmakers, "c.bookmaker_a", "c.bookmaker_b");
        _firstKey = _select.Count;
        _select.AddRange(_selectedDimensions.Select(d => d == CallDimension.RoiBand ? "c.roi_percent" : scope.KeySql(d)));
        _texts = new TextCache?[_select.Count];
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
    /// The SQL: with <see cref="FactColumns.Id"/>, every call in <c>call_id</c> order (<see cref="InScope"/> telling the
    /// filter's, so that the per-user rows of the others are recognized and passed over); otherwise only the filter's.
    /// </summary>
    public string Sql(TableNames t) => _columns.HasFlag(FactColumns.Id)
        ? $"SELECT {string.Join(", ", _select)}\nFROM {t.Calls} AS c\nORDER BY c.call_id"
        : $"SELECT {(_select.Count == 0 ? "1" : string.Join(", ", _select))}\nFROM {t.Calls} AS c\nWHERE {_scope.CallConditions()}";

    /// <summary>Reads the current row of <paramref name="rows"/> (of <see cref="Sql"/>).</summary>
    public void Read(RawRows rows)
    {
        HasId = false;
        InScope = true;
        if (_columns.HasFlag(FactColumns.Id))
        {
            ReadId(rows);
        }

        // The quarter-hour and the lifetime from the two Julian days, as QuarterHourSql and LifetimeMs compute them in
        // SQL: each time is parsed once.
        SentJulianDay = _sent < 0 ? null : rows.JulianDay(_sent);
        QuarterHour = SentJulianDay is { } sent ? CallFactsSql.QuarterHour(sent) : null;
        LifetimeMs = _expires >= 0 && SentJulianDay is { } from && rows.JulianDay(_expires) is { } to ? CallFactsSql.Milliseconds(to, from) : null;
        FirstClickMs = null;
        if (_counts >= 0)
        {
            Clicked = rows.Long(_counts) != 0;
            ClickCount = rows.Double(_counts + 1);
            UsersNotified = rows.Double(_counts + 2);
            UsersBet = rows.Double(_counts + 3);
        }

        if (_results >= 0)
        {
            ResultKnown = rows.Long(_results) != 0;
            Profit = Number(rows, _results + 1);
            Stake = Number(rows, _results + 2);
            RoiOfStake = Number(rows, _results + 3);
            RoiPercent = Number(rows, _results + 4);
        }

        if (_clv >= 0)
        {
            ClvA = Number(rows, _clv);
            ClvB = Number(rows, _clv + 1);
        }

        Speed = _speed < 0 ? 0 : (int)rows.Long(_speed);
        if (_bookmakers >= 0)
        {
            BookmakerA = Text(rows, _bookmakers);
            BookmakerB = Text(rows, _bookmakers + 1);
        }

        for (var i = 0; i < _selectedDimensions.Length; i++)
        {
            var by = _selectedDimensions[i];
            var column = _firstKey + i;
            _keys[(int)by] = by != CallDimension.RoiBand ? Text(rows, column) : RoiBandOf.Read(rows, column, _scope.Edges) is { } band ? _scope.Keys.Band(band) : null;
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

    private void ReadId(RawRows rows)
    {
        HasId = rows.Type(0) == SQLitePCL.raw.SQLITE_TEXT;
        if (HasId)
        {
            var id = rows.Bytes(0);
            if (id.Length > _id.Length)
            {
                _id = new byte[Math.Max(id.Length, _id.Length * 2)];
            }

            id.CopyTo(_id);
            _idLength = id.Length;
        }

        InScope = rows.Long(1) != 0;
    }

    private static double? Number(RawRows rows, int column) => rows.IsNull(column) ? null : rows.Double(column);

    private string? Text(RawRows rows, int column) => rows.IsNull(column) ? null : (_texts[column] ??= new TextCache()).Get(rows.Text(column));

    // Adds the group's columns when it is read; returns the ordinal of its first, or -1.
    private int Select(FactColumns group, params string[] columns)
    {
        if (!_columns.HasFlag(group))
        {
            return -1;
        }

        _select.AddRange(columns);
        return _select.Count - columns.Length;
    }
}
