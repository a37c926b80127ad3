namespace SafeCallLogger.Sqlite.Internal;

/// <summary>One per-user row as the one-pass answers read it: the user, the UTC quarter-hour and the Julian day of its time.</summary>
internal readonly record struct PerUserRow(long UserId, long? QuarterHour, double? JulianDay);

/// <summary>
/// The per-user rows of one table (notified users or clicks) read once in primary-key order (<c>call_id</c>, then
/// <c>user_id</c>) beside the calls read in <c>call_id</c> order: a merge join, one sequential read of each table
/// instead of an index seek per call. Ids are compared as the bytes SQLite sorted them by (<c>BINARY</c>: UTF-8 bytes,
/// then length). Rows whose call the calls did not reach are handed to a callback (rows of calls that do not exist;
/// the caller decides whether they count).
/// </summary>
internal sealed class PerUserRows : IDisposable
{
    private readonly RawRows _rows;
    private readonly CancellationToken _cancellationToken;
    private bool _has;
    private int _read;

    private PerUserRows(RawRows rows, CancellationToken cancellationToken)
    {
        _rows = rows;
        _cancellationToken = cancellationToken;
        try
        {
            Advance();
        }
        catch
        {
            rows.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads <paramref name="table"/> (alias <c>r</c>), with the time in column <paramref name="timeColumn"/> when a
    /// question needs it (<see langword="null"/>: not read); rows of a call id that is not text are left out, as the calls' are.
    /// </summary>
    public static PerUserRows Open(SQLitePCL.sqlite3 connection, string table, string? timeColumn, CancellationToken cancellationToken) => new(
        new RawRows(
            connection,
            $"""
            SELECT r.call_id, r.user_id, {(timeColumn is null ? "NULL" : "r." + timeColumn)}
            FROM {table} AS r
            ORDER BY r.call_id, r.user_id
            """,
            []),
        cancellationToken);

    /// <summary>Fills <paramref name="rows"/> with the rows of call <paramref name="callId"/> in user order; rows of calls before it go to <paramref name="unmatched"/>.</summary>
    public void Take(ReadOnlySpan<byte> callId, List<PerUserRow> rows, Action<PerUserRow> unmatched)
    {
        rows.Clear();
        while (_has)
        {
            var order = _rows.Bytes(0).SequenceCompareTo(callId);
            if (order > 0)
            {
                return;
            }

            if (order == 0)
            {
                rows.Add(Current());
            }
            else
            {
                unmatched(Current());
            }

            Advance();
        }
    }

    /// <summary>Hands every row not read yet to <paramref name="unmatched"/>.</summary>
    public void Drain(Action<PerUserRow> unmatched)
    {
        while (_has)
        {
            unmatched(Current());
            Advance();
        }
    }

    public void Dispose() => _rows.Dispose();

    // The quarter-hour from the Julian day, as QuarterHourSql computes it in SQL: the time is parsed once.
    private PerUserRow Current()
    {
        var userId = _rows.Long(1);
        return _rows.JulianDay(2) is { } julianDay
            ? new PerUserRow(userId, CallFactsSql.QuarterHour(julianDay), julianDay)
            : new PerUserRow(userId, null, null);
    }

    // The next row whose call id is text (the calls' others are not read either).
    private void Advance()
    {
        do
        {
            _has = _rows.Step();
            if (_has)
            {
                AnalyticsRead.Check(_cancellationToken, ref _read);
            }
        }
        while (_has && _rows.Type(0) != SQLitePCL.raw.SQLITE_TEXT);
    }
}
