namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// One read of the calls for some of the asked questions (<see cref="CallScan"/>): the call-level folds, and when a
/// question needs the per-user rows (preferences, retention, time to first click), the calls in <c>call_id</c> order
/// merged with the per-user tables read in their primary-key order (<see cref="PerUserRows"/>). Rows of calls that do
/// not exist count for retention only when no time range is set, as its query counts them.
/// </summary>
internal sealed class ScanPass
{
    private readonly AnalyticsScope _scope;
    private readonly ICallFold[] _callFolds;
    private readonly UserPreferencesQuery.Fold[] _preferences;
    private readonly RetentionQuery.Fold? _retention;
    private readonly bool _firstClicks;
    private readonly CallDimension[] _dimensions;
    private readonly FactColumns _columns;
    private readonly UserNumbers _users;
    private readonly Action<PerUserRow> _unmatchedNotified;
    private readonly Action<PerUserRow> _unmatchedClick;

    /// <param name="scope">The filter.</param>
    /// <param name="callFolds">Folds of one call each.</param>
    /// <param name="preferences">Folds of each notified user of a call.</param>
    /// <param name="retention">The fold of every per-user row, or none.</param>
    /// <param name="firstClicks">Whether a fold reads the time to first click (merge with the clicks).</param>
    /// <param name="users">The numbers of the users, shared by the per-user folds.</param>
    /// <param name="dimensions">The dimensions the folds key by.</param>
    /// <param name="columns">The values the folds read; <see cref="FactColumns.Id"/> is added when rows are merged.</param>
    public ScanPass(AnalyticsScope scope, IEnumerable<ICallFold?> callFolds, IEnumerable<UserPreferencesQuery.Fold> preferences, RetentionQuery.Fold? retention, bool firstClicks, UserNumbers users, IEnumerable<CallDimension> dimensions, FactColumns columns)
    {
        _users = users;
        _scope = scope;
        _callFolds = [.. callFolds.OfType<ICallFold>()];
        _preferences = [.. preferences];
        _retention = retention;
        _firstClicks = firstClicks;
        _dimensions = [.. dimensions.Distinct()];
        _columns = columns;
        var countsUnmatched = retention is not null && scope.Filter.Since is null && scope.Filter.Until is null;
        _unmatchedNotified = countsUnmatched ? row => CountForRetention(row, clicked: false) : static _ => { };
        _unmatchedClick = countsUnmatched ? row => CountForRetention(row, clicked: true) : static _ => { };
    }

    public bool HasWork => _callFolds.Length > 0 || _preferences.Length > 0 || _retention is not null;

    private bool NeedsNotified => _preferences.Length > 0 || _retention is not null;

    private bool NeedsClicks => NeedsNotified || _firstClicks;

    /// <summary>Reads the calls (and per-user rows) on <paramref name="connection"/>, in the read transaction open on it.</summary>
    public void Run(ScanConnection connection, TableNames t, CancellationToken cancellationToken)
    {
        var hasNotified = NeedsNotified && connection.TableExists(t.NotifiedUsersPlain);
        var hasClicks = NeedsClicks && connection.TableExists(t.ClicksPlain);
        var merge = hasNotified || hasClicks;
        var facts = new CallFacts(_scope, _dimensions, _columns | (merge ? FactColumns.Id : FactColumns.None));
        using var notified = hasNotified ? PerUserRows.Open(connection.Handle, t.NotifiedUsers, _retention is null ? null : "notified_at", cancellationToken) : null;
        using var clicks = hasClicks ? PerUserRows.Open(connection.Handle, t.Clicks, _retention is null && !_firstClicks ? null : "first_clicked_at", cancellationToken) : null;
        using var calls = new RawRows(connection.Handle, facts.Sql(t), _scope.Parameters());
        var notifiedRows = new List<PerUserRow>();
        var clickRows = new List<PerUserRow>();
        var rows = 0;
        while (calls.Step())
        {
            AnalyticsRead.Check(cancellationToken, ref rows);
            facts.Read(calls);
            if (facts.HasId)
            {
                notified?.Take(facts.Id, notifiedRows, _unmatchedNotified);
                clicks?.Take(facts.Id, clickRows, _unmatchedClick);
            }
            else
            {
                notifiedRows.Clear();
                clickRows.Clear();
            }

            if (facts.InScope)
            {
                Add(facts, notifiedRows, clickRows);
            }
        }

        notified?.Drain(_unmatchedNotified);
        clicks?.Drain(_unmatchedClick);
    }

    // One of the filter's calls with its notified and click rows (each in user order).
    private void Add(CallFacts call, List<PerUserRow> notified, List<PerUserRow> clicks)
    {
        if (_firstClicks && call.SentJulianDay is { } sent)
        {
            double? first = null;
            foreach (var click in clicks)
            {
                first = click.JulianDay is { } day && (first is null || day < first) ? day : first;
            }

            call.FirstClickMs = first is { } firstDay ? CallFactsSql.Milliseconds(firstDay, sent) : null;
        }

        foreach (var fold in _callFolds)
        {
            fold.Add(call);
        }

        if (_preferences.Length == 0 && _retention is null)
        {
            return;
        }

        foreach (var fold in _preferences)
        {
            fold.StartCall(call);
        }

        // Each notified row's user is numbered once for every per-user answer; the clicks, also in user order, are
        // walked beside them to tell which notified users clicked.
        var c = 0;
        foreach (var row in notified)
        {
            var user = _users.Number(row.UserId);
            if (_preferences.Length > 0)
            {
                while (c < clicks.Count && clicks[c].UserId < row.UserId)
                {
                    c++;
                }

                var clicked = c < clicks.Count && clicks[c].UserId == row.UserId;
                foreach (var fold in _preferences)
                {
                    fold.Add(user, clicked);
                }
            }

            if (_retention is not null && row.QuarterHour is { } notifiedAt)
            {
                _retention.Add(user, notifiedAt, clicked: false);
            }
        }

        foreach (var row in clicks)
        {
            CountForRetention(row, clicked: true);
        }
    }

    // A per-user row for retention: a notification or a click.
    private void CountForRetention(PerUserRow row, bool clicked)
    {
        if (_retention is not null && row.QuarterHour is { } quarterHour)
        {
            _retention.Add(_users.Number(row.UserId), quarterHour, clicked);
        }
    }
}
