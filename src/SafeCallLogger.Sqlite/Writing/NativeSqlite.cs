using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// The two SQLite calls Microsoft.Data.Sqlite does not expose: whether the open database file is still the one at its
/// path (<c>SQLITE_FCNTL_HAS_MOVED</c>), and interrupting a running statement.
/// </summary>
internal static class NativeSqlite
{
    private const int FcntlHasMoved = 20;

    // Set when the native entry point cannot be called (another SQLite provider, a platform without it): the check
    // then falls back to the file's existence, which catches a deletion but not a swap.
    private static int s_fileControlUnavailable;

    /// <summary>
    /// <see langword="true"/> when the main database file of <paramref name="connection"/> was deleted, renamed or
    /// replaced since it was opened (SQLite compares the open file's inode with the one at the path: one stat call).
    /// <see langword="false"/> for an in-memory database or when it cannot tell. Never throws.
    /// </summary>
    public static bool HasMoved(SqliteConnection connection)
    {
        var path = connection.DataSource;
        if (string.IsNullOrEmpty(path))
        {
            return false;
        }

        if (Volatile.Read(ref s_fileControlUnavailable) == 0)
        {
            var handle = connection.Handle;
            if (handle is null)
            {
                return false;
            }

            var added = false;
            try
            {
                handle.DangerousAddRef(ref added);
                var moved = 0;
                var rc = FileControl(handle.DangerousGetHandle(), IntPtr.Zero, FcntlHasMoved, ref moved);
                return rc == 0 && moved != 0;
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or MarshalDirectiveException)
            {
                Volatile.Write(ref s_fileControlUnavailable, 1);
            }
            finally
            {
                if (added)
                {
                    handle.DangerousRelease();
                }
            }
        }

        return !File.Exists(path);
    }

    /// <summary>Stops the statement running on <paramref name="connection"/>, if any, with SQLITE_INTERRUPT. Safe from any thread while the connection is open.</summary>
    public static void Interrupt(SqliteConnection connection)
    {
        if (connection.Handle is { } handle)
        {
            SQLitePCL.raw.sqlite3_interrupt(handle);
        }
    }

    // A NULL database name means "main". The native library is the one Microsoft.Data.Sqlite's bundle loads.
    [DllImport("e_sqlite3", EntryPoint = "sqlite3_file_control", CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int FileControl(IntPtr db, IntPtr databaseName, int op, ref int value);
}
