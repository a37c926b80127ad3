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

    public RawRows(SqliteConnection connection, string sql, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
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
        var rc = raw.sqlite3_step(_statement);
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

    public bool IsNull(int column) => (_addedRef ? NativeColumns.Type(_native, column) : raw.sqlite3_column_type(_statement, column)) == raw.SQLITE_NULL;

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
        if (_addedRef)
        {
            _statement.DangerousRelease();
        }

        _statement.Dispose();
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_db));
        }
    }
}
