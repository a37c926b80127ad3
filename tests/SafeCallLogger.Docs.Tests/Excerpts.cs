namespace SafeCallLogger.Docs.Tests;

/// <summary>
/// Checks that an excerpt still says what the file it quotes says: every line of code in it (trimmed, a trailing
/// <c>//</c> comment left out: the docs may comment differently) appears in that file, in the same order. Lines may be
/// left out between them; whole-line comments of the excerpt are not checked.
/// </summary>
internal static class Excerpts
{
    /// <summary>The first excerpt line not found in order in <paramref name="snippet"/>'s source file, or <see langword="null"/>.</summary>
    public static string? FirstMissingLine(Snippet snippet)
    {
        var path = Path.Combine(MarkdownSnippets.Root, snippet.Argument);
        if (!File.Exists(path))
        {
            return $"(the quoted file {snippet.Argument} does not exist)";
        }

        var source = File.ReadAllLines(path).Select(Code).ToList();
        var at = 0;
        foreach (var line in snippet.Code.Split('\n').Select(Code).Where(l => l.Length > 0))
        {
            at = source.IndexOf(line, at);
            if (at < 0)
            {
                return line;
            }

            at++;
        }

        return null;
    }

    private static string Code(string line)
    {
        var comment = line.IndexOf("//", StringComparison.Ordinal);
        return (comment >= 0 ? line[..comment] : line).Trim();
    }
}
