namespace SafeCallLogger.Diagnostics;

/// <summary>Caller-supplied text made safe for a log line: cut short and with control characters escaped, so it can neither flood nor forge lines.</summary>
internal static class LogText
{
    private const int MaxIdLength = 64;

    /// <summary>An id as given by a caller (any length, any characters) for a log line.</summary>
    public static string Id(string? id) => Cut(id, MaxIdLength) ?? "(none)";

    /// <summary>A caller's text for a log line, at most <paramref name="max"/> characters plus an ellipsis, control characters as <c>\uXXXX</c>.</summary>
    public static string? Cut(string? text, int max)
    {
        if (text is null)
        {
            return null;
        }

        var clean = true;
        var length = Math.Min(text.Length, max);
        for (var i = 0; i < length; i++)
        {
            if (char.IsControl(text[i]))
            {
                clean = false;
                break;
            }
        }

        if (clean)
        {
            return text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "…");
        }

        var builder = new System.Text.StringBuilder(length + 16);
        for (var i = 0; i < length; i++)
        {
            var c = text[i];
            if (char.IsControl(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return text.Length <= max ? builder.ToString() : builder.Append('…').ToString();
    }
}
