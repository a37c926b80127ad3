namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// Orders strings as SQLite's <c>BINARY</c> collation orders text in a UTF-8 database (bytes, so code points), which is
/// how <c>ORDER BY</c> sorts: <see cref="StringComparer.Ordinal"/> compares UTF-16 units and puts a character above
/// U+FFFF before U+E000–U+FFFF. The one-pass answers merge rows SQLite sorted, so they must compare the same way.
/// </summary>
internal sealed class Utf8Order : IComparer<string?>
{
    public static Utf8Order Comparer { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            if (x[i] != y[i])
            {
                return CodePointOrder(x[i]) - CodePointOrder(y[i]);
            }
        }

        return x.Length - y.Length;
    }

    // Surrogates (U+D800–U+DFFF, the halves of a code point above U+FFFF) move above U+FFFF; U+E000–U+FFFF move down
    // into the gap they leave, so unit order becomes code point order.
    private static int CodePointOrder(char c) => c < 0xD800 ? c : c >= 0xE000 ? c - 0x800 : c + 0x2000;
}
