using SQLitePCL;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// The ROI band of a call's <c>roi_percent</c> as the band <c>CASE</c> of the single statements gives it (the first
/// edge the value is below; the last band when it is below none), computed from the plain column in the one-pass
/// reads, where the <c>CASE</c> was about 100 ms of SQL per 1,000,000 calls. SQLite's comparisons are kept: numbers
/// compare exactly (an integer against an edge too), and text or a blob is greater than every number, so it is in the
/// last band.
/// </summary>
internal static class RoiBandOf
{
    /// <summary>The band number of the value in <paramref name="column"/>, <see langword="null"/> for NULL.</summary>
    public static int? Read(RawRows rows, int column, double[] edges)
    {
        var type = rows.Type(column);
        if (type == raw.SQLITE_NULL)
        {
            return null;
        }

        if (type is not (raw.SQLITE_FLOAT or raw.SQLITE_INTEGER))
        {
            return edges.Length;
        }

        var isInteger = type == raw.SQLITE_INTEGER;
        var real = isInteger ? 0 : rows.Double(column);
        var integer = isInteger ? rows.Long(column) : 0;
        for (var i = 0; i < edges.Length; i++)
        {
            if (isInteger ? Below(integer, edges[i]) : real < edges[i])
            {
                return i;
            }
        }

        return edges.Length;
    }

    // An integer is below an edge exactly when it is below the edge rounded up (a double that can exceed a long's range).
    internal static bool Below(long value, double edge) =>
        edge >= 9_223_372_036_854_775_808.0 || (edge > -9_223_372_036_854_775_808.0 && value < (long)Math.Ceiling(edge));
}
