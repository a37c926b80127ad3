using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SQLitePCL;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// SQLite's column getters called directly, without the GC transition: each is a short stretch of native code that
/// does not call back into .NET and takes no lock but the connection's mutex, uncontended, when the handle has one
/// (<see cref="ScanConnection"/>'s own handles have none; a number read as text allocates once), where SQLitePCLRaw's
/// wrappers (a provider interface and a safe handle per call) cost about 70 ns, which for the 20 columns of 1,000,000
/// calls was most of a report's time. <c>sqlite3_step</c> is called directly as well, with the transition. Used only when the provider
/// Microsoft.Data.Sqlite loaded is this very library (<c>e_sqlite3</c>, the same version string at the same address), else <see cref="RawRows"/>
/// goes through SQLitePCLRaw.
/// </summary>
internal static unsafe class NativeColumns
{
    private const string Library = "e_sqlite3";

    /// <summary>Whether the direct getters reach the SQLite that Microsoft.Data.Sqlite uses.</summary>
    public static bool Available { get; } = Probe();

    /// <summary><c>sqlite3_step</c>, called directly too but with the GC transition: it reads pages and may wait on a lock.</summary>
    public static int Step(IntPtr statement) => StepStatement(statement);

    public static int Type(IntPtr statement, int column) => ColumnType(statement, column);

    public static long Long(IntPtr statement, int column) => ColumnInt64(statement, column);

    public static double Double(IntPtr statement, int column) => ColumnDouble(statement, column);

    /// <summary>Every byte of the value's text (SQLite converts a number to text first): valid until the next step.</summary>
    public static ReadOnlySpan<byte> Bytes(IntPtr statement, int column)
    {
        var text = ColumnText(statement, column);
        return text is null ? default : new ReadOnlySpan<byte>(text, ColumnBytes(statement, column));
    }

    /// <summary>The value's text up to its first NUL, in one call: valid until the next step.</summary>
    public static ReadOnlySpan<byte> Text(IntPtr statement, int column)
    {
        var text = ColumnText(statement, column);
        return text is null ? default : MemoryMarshal.CreateReadOnlySpanFromNullTerminated(text);
    }

    private static bool Probe()
    {
        try
        {
            // The same library, not only the same version: its version string is one static array, so both sides
            // must hand out the same address.
            if (raw.GetNativeLibraryName() != Library)
            {
                return false;
            }

            fixed (byte* theirs = raw.sqlite3_libversion())
            {
                return theirs == LibraryVersion();
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or MarshalDirectiveException or BadImageFormatException)
        {
            return false;
        }
    }

    [DllImport(Library, EntryPoint = "sqlite3_libversion", CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern byte* LibraryVersion();

    [DllImport(Library, EntryPoint = "sqlite3_step", CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int StepStatement(IntPtr statement);

    [DllImport(Library, EntryPoint = "sqlite3_column_type", CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    [SuppressGCTransition]
    private static extern int ColumnType(IntPtr statement, int column);

    [DllImport(Library, EntryPoint = "sqlite3_column_int64", CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    [SuppressGCTransition]
    private static extern long ColumnInt64(IntPtr statement, int column);

    [DllImport(Library, EntryPoint = "sqlite3_column_double", CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    [SuppressGCTransition]
    private static extern double ColumnDouble(IntPtr statement, int column);

    [DllImport(Library, EntryPoint = "sqlite3_column_text", CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    [SuppressGCTransition]
    private static extern byte* ColumnText(IntPtr statement, int column);

    [DllImport(Library, EntryPoint = "sqlite3_column_bytes", CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    [SuppressGCTransition]
    private static extern int ColumnBytes(IntPtr statement, int column);
}
