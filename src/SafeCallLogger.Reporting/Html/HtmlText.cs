using System.Text;

namespace SafeCallLogger.Reporting.Html;

/// <summary>
/// Encodes text from the data (team, league and bookmaker names come from outside) for element content and
/// attribute values alike, so that the page stays well-formed XML as well as HTML: the five markup characters are
/// escaped and characters XML forbids (control characters, lone surrogates) are dropped.
/// </summary>
internal static class HtmlText
{
    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (!NeedsEncoding(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        Append(builder, text);
        return builder.ToString();
    }

    public static void Append(StringBuilder builder, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else if (IsAllowed(c))
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }
    }

    private static bool NeedsEncoding(string text)
    {
        foreach (var c in text)
        {
            if (c is '&' or '<' or '>' or '"' or '\'' || !IsAllowed(c) || char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    // XML 1.0's Char production, less the surrogates (handled in pairs above) and U+FFFE/U+FFFF.
    private static bool IsAllowed(char c) =>
        c is '\t' or '\n' or '\r' || (c >= ' ' && c < '\uD800') || (c > '\uDFFF' && c < '\uFFFE');
}
