using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// A statement stepped through SQLite's own API on a connection's handle, inside the transaction open on it. The
/// one-pass answers read tens of millions of values; through <see cref="SqliteDataReader"/> each costs several native
/// calls (type checks, bounds), here one (<see cref="NativeColumns"/> when it is available). Values are read as SQLite
/// converts them, as the reader's getters do: NULL reads as 0.
/// </summary>
internal sealed class RawRows : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly IntPtr _native;
    private readonly bool _addedRef;
    private sqlite3_stmt? _julianDay;

    public RawRows(sqlite3 db, string sql, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        _db = db;
        var rc = raw.sqlite3_prepare_v2(_db, sql, out _statement);
        try
        {
            Check(rc);
            foreach (var (name, value) in parameters)
            {
                var index = raw.sqlite3_bind_parameter_index(_statement, name);
                if (index > 0)
                {
                    Check(raw.sqlite3_bind_text(_statement, index, value));
                }
            }
        }
        catch
        {
            _statement?.Dispose();
            throw;
        }

        if (NativeColumns.Available)
        {
            _statement.DangerousAddRef(ref _addedRef);
            _native = _statement.DangerousGetHandle();
        }
    }

    /// <summary>Moves to the next row; <see langword="false"/> after the last. Throws <see cref="SqliteException"/> on an error.</summary>
    public bool Step()
    {
        var rc = _addedRef ? NativeColumns.Step(_native) : raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        if (rc == raw.SQLITE_DONE)
        {
            return false;
        }

        Check(rc);
        return false;
    }

    public bool IsNull(int column) => Type(column) == raw.SQLITE_NULL;

    /// <summary>The value's storage class (<c>SQLITE_INTEGER</c>, <c>SQLITE_FLOAT</c>, <c>SQLITE_TEXT</c>, <c>SQLITE_BLOB</c>, <c>SQLITE_NULL</c>).</summary>
    public int Type(int column) => _addedRef ? NativeColumns.Type(_native, column) : raw.sqlite3_column_type(_statement, column);

    /// <summary>
    /// The Julian day of the time in a plain column, as <see cref="SqliteText.JulianDaySql"/> gives it: our canonical
    /// text parsed here (<see cref="JulianDayText"/>), any other value (another text form, a number, a blob) handed
    /// to that very expression in SQLite; <see langword="null"/> for NULL or what no date function reads.
    /// </summary>
    public double? JulianDay(int column)
    {
        var type = Type(column);
        if (type == raw.SQLITE_NULL)
        {
            return null;
        }

        return type == raw.SQLITE_TEXT && JulianDayText.TryParse(Bytes(column), out var day) ? day : SqliteJulianDay(column, type);
    }

    public long Long(int column) => _addedRef ? NativeColumns.Long(_native, column) : raw.sqlite3_column_int64(_statement, column);

    public double Double(int column) => _addedRef ? NativeColumns.Double(_native, column) : raw.sqlite3_column_double(_statement, column);

    /// <summary>
    /// The UTF-8 of the value as text up to its first NUL, as <see cref="SqliteDataReader.GetString"/> reads it (a
    /// number converted first); valid until the next step.
    /// </summary>
    public ReadOnlySpan<byte> Text(int column)
    {
        if (_addedRef)
        {
            return NativeColumns.Text(_native, column);
        }

        var bytes = Bytes(column);
        var end = bytes.IndexOf((byte)0);
        return end < 0 ? bytes : bytes[..end];
    }

    /// <summary>Every byte of the value as text (a number converted first), as the <c>BINARY</c> collation compares it; valid until the next step.</summary>
    public ReadOnlySpan<byte> Bytes(int column) => _addedRef ? NativeColumns.Bytes(_native, column) : raw.sqlite3_column_blob(_statement, column);

    public void Dispose()
    {
        _julianDay?.Dispose();
        if (_addedRef)
        {
            _statement.DangerousRelease();
        }

        _statement.Dispose();
    }

    // SqliteText.JulianDaySql of the value in the column, bound as it is stored, on this connection: the forms read
    // here only by SQLite (they are rare: the shell's and other writers' rows).
    private double? SqliteJulianDay(int column, int type)
    {
        if (_julianDay is null)
        {
            Check(raw.sqlite3_prepare_v2(_db, $"SELECT {SqliteText.JulianDaySql("?1")}", out var statement));
            _julianDay = statement;
        }

        try
        {
            Check(type switch
            {
                raw.SQLITE_INTEGER => raw.sqlite3_bind_int64(_julianDay, 1, Long(column)),
                raw.SQLITE_FLOAT => raw.sqlite3_bind_double(_julianDay, 1, Double(column)),
                raw.SQLITE_TEXT => raw.sqlite3_bind_text(_julianDay, 1, Bytes(column)),
                _ => raw.sqlite3_bind_blob(_julianDay, 1, Bytes(column)),
            });
            var rc = raw.sqlite3_step(_julianDay);
            if (rc != raw.SQLITE_ROW)
            {
                Check(rc);
            }

            return raw.sqlite3_column_type(_julianDay, 0) == raw.SQLITE_NULL ? null : raw.sqlite3_column_double(_julianDay, 0);
        }
        finally
        {
            raw.sqlite3_reset(_julianDay);
            raw.sqlite3_clear_bindings(_julianDay);
        }
    }

    /// <summary>Throws <see cref="SqliteException"/> with <paramref name="db"/>'s message unless <paramref name="rc"/> is <c>SQLITE_OK</c>.</summary>
    public static void Check(sqlite3 db, int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(db));
        }
    }

    private void Check(int rc) => Check(_db, rc);
}
