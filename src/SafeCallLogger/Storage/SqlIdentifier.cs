namespace SafeCallLogger.Storage;

/// <summary>
/// Checks and quotes the SQL identifiers storages take from configuration (table and schema names), so that none can
/// carry SQL: a letter or underscore, then letters, digits or underscores, within a length, not in the database's own
/// reserved prefix.
/// </summary>
internal static class SqlIdentifier
{
    /// <summary><see langword="true"/> when <paramref name="name"/> is a plain identifier of at most <paramref name="maxLength"/> characters that does not start with <paramref name="reservedPrefix"/> (any case). Never throws.</summary>
    public static bool IsValid(string? name, int maxLength, string reservedPrefix)
    {
        if (string.IsNullOrEmpty(name) || name.Length > maxLength)
        {
            return false;
        }

        if (!(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return !name.StartsWith(reservedPrefix, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Double-quotes an identifier already checked by <see cref="IsValid"/> (belt and braces: it cannot hold a quote).</summary>
    public static string Quote(string name) => "\"" + name + "\"";
}
