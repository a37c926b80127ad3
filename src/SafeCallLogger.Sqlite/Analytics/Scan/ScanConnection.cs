using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// The SQLite handle one read of <see cref="CallScan"/> runs on, in a read transaction of its own. Where it can, a
/// handle of its own on the managed connection's file, opened with <c>SQLITE_OPEN_NOMUTEX</c>: a read steps and reads
/// one thread at a time, and on a 1,000,000-call report the connection mutex every <c>sqlite3_column_*</c> call takes
/// was a sixth of the time (Microsoft.Data.Sqlite has no switch for it). Otherwise (a URI or memory data source, shared
/// cache, another VFS, another SQLite than the bundled <c>e_sqlite3</c>, a file the plain handle cannot read or a
/// writer's lock keeps it from reading at once) the managed connection's own handle, with its mutex.
/// </summary>
internal sealed class ScanConnection : IDisposable
{
    private readonly SqliteConnection? _owned;
    private bool _reading;

    private ScanConnection(sqlite3 handle, bool withoutMutex, SqliteConnection? owned)
    {
        Handle = handle;
        WithoutMutex = withoutMutex;
        _owned = owned;
    }

    public sqlite3 Handle { get; }

    /// <summary>Whether <see cref="Handle"/> is this read's own, opened without the connection mutex.</summary>
    public bool WithoutMutex { get; }

    /// <summary>A handle for a read of <paramref name="connection"/>'s file; with <paramref name="ownsConnection"/>, <paramref name="connection"/> is closed with it (at once when it is not used).</summary>
    public static ScanConnection For(SqliteConnection connection, bool ownsConnection)
    {
        try
        {
            var handle = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
            if (TryOpenBeside(connection, handle) is { } own)
            {
                if (ownsConnection)
                {
                    connection.Dispose();
                }

                return new ScanConnection(own, withoutMutex: true, owned: null);
            }

            return new ScanConnection(handle, withoutMutex: false, ownsConnection ? connection : null);
        }
        catch when (ownsConnection)
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Opens the read transaction and takes its view of the file (reads the schema), with the handle's busy timeout, or none: then a pending writer fails the read at once instead of keeping it waiting.</summary>
    public void BeginRead(bool wait = true)
    {
        Execute("BEGIN DEFERRED");
        _reading = true;
        if (wait)
        {
            Execute("SELECT 1 FROM sqlite_master LIMIT 1");
            return;
        }

        var busyTimeout = BusyTimeout(Handle);
        raw.sqlite3_busy_timeout(Handle, 0);
        try
        {
            Execute("SELECT 1 FROM sqlite_master LIMIT 1");
        }
        finally
        {
            raw.sqlite3_busy_timeout(Handle, busyTimeout);
        }
    }

    /// <summary>Ends the read transaction.</summary>
    public void EndRead()
    {
        Execute("COMMIT");
        _reading = false;
    }

    public bool TableExists(string plainName)
    {
        using var rows = new RawRows(Handle, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = $name", [new("$name", plainName)]);
        return rows.Step();
    }

    public void Dispose()
    {
        if (_reading)
        {
            _reading = false;
            _ = raw.sqlite3_exec(Handle, "ROLLBACK");
        }

        if (WithoutMutex)
        {
            Handle.Dispose();
        }

        _owned?.Dispose();
    }

    // Only a plain path (URI parameters would be lost), the default VFS (another one may lock the file its own way), a
    // file of its own (not shared cache or memory), the library the direct column getters call, and a first read that
    // succeeds at once (a key the managed connection set would fail it; so does a writer's lock, which this read does
    // not wait for: the managed handle is used then, and waits as the caller asked).
    private static sqlite3? TryOpenBeside(SqliteConnection connection, sqlite3 managed)
    {
        var options = new SqliteConnectionStringBuilder(connection.ConnectionString);
        var path = raw.sqlite3_db_filename(managed, "main").utf8_to_string();
        if (!NativeColumns.Available || string.IsNullOrEmpty(path) || !IsOwnFile(connection)
            || options.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || !string.IsNullOrEmpty(options.Vfs))
        {
            return null;
        }

        var flags = (raw.sqlite3_db_readonly(managed, "main") == 1 ? raw.SQLITE_OPEN_READONLY : raw.SQLITE_OPEN_READWRITE) | raw.SQLITE_OPEN_NOMUTEX;
        var opened = raw.sqlite3_open_v2(path, out var own, flags, null);
        try
        {
            if (opened != raw.SQLITE_OK || raw.sqlite3_exec(own, "SELECT 1 FROM sqlite_master LIMIT 1") != raw.SQLITE_OK)
            {
                own.Dispose();
                return null;
            }

            raw.sqlite3_busy_timeout(own, BusyTimeout(managed));
            return own;
        }
        catch
        {
            own.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Whether <paramref name="connection"/> has a file of its own: two connections to a file keep their views apart by
    /// the file's locks; connections sharing a cache (shared-cache mode, an in-memory database) do not.
    /// </summary>
    public static bool IsOwnFile(SqliteConnection connection)
    {
        var options = new SqliteConnectionStringBuilder(connection.ConnectionString);
        return options.Mode != SqliteOpenMode.Memory && options.Cache != SqliteCacheMode.Shared
            && !string.IsNullOrEmpty(connection.DataSource) && !options.DataSource.Contains("mode=memory", StringComparison.OrdinalIgnoreCase);
    }

    private static int BusyTimeout(sqlite3 handle)
    {
        using var timeout = new RawRows(handle, "PRAGMA busy_timeout", []);
        return timeout.Step() ? (int)timeout.Long(0) : 0;
    }

    private void Execute(string sql) => RawRows.Check(Handle, raw.sqlite3_exec(Handle, sql));
}
