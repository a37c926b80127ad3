namespace SafeCallLogger.PostgreSql.Internal;

/// <summary>Checks and quotes SQL identifiers taken from configuration, so that none can carry SQL.</summary>
internal static class PgIdentifier
{
    public static bool IsValid(string? name, int maxLength)
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

        return !name.StartsWith("pg_", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Double-quotes an identifier already checked by <see cref="IsValid"/> (it cannot hold a quote).</summary>
    public static string Quote(string name) => "\"" + name + "\"";
}
