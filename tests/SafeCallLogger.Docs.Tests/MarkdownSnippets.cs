using System.Text.RegularExpressions;

namespace SafeCallLogger.Docs.Tests;

/// <summary>Finds the ```csharp blocks of README.md and docs/*.md, with the marker that says how each is checked.</summary>
internal static partial class MarkdownSnippets
{
    /// <summary>The repository root: the nearest folder above the test's output that holds SafeCallLogger.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The Markdown files whose C# blocks are checked, relative to <see cref="Root"/>.</summary>
    public static IReadOnlyList<string> Files { get; } =
    [
        "README.md",
        .. Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Select(f => "docs/" + Path.GetFileName(f)).Order(StringComparer.Ordinal),
    ];

    public static IReadOnlyList<Snippet> All { get; } = [.. Files.SelectMany(Extract)];

    public static IEnumerable<Snippet> Extract(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(Root, file));
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```csharp")
            {
                continue;
            }

            var start = i + 1;
            var end = start;
            while (end < lines.Length && lines[end].Trim() != "```")
            {
                end++;
            }

            var (kind, argument) = Marker(i > 0 ? lines[i - 1] : string.Empty, file, i);
            yield return new Snippet(file, start + 1, string.Join('\n', lines[start..end]), kind, argument);
            i = end;
        }
    }

    private static (SnippetKind Kind, string Argument) Marker(string line, string file, int fence)
    {
        if (!line.TrimStart().StartsWith("<!-- compile:", StringComparison.Ordinal))
        {
            return (SnippetKind.Program, string.Empty);
        }

        var match = MarkerPattern().Match(line.Trim());

        if (!match.Success)
        {
            throw new FormatException($"{file}:{fence}: unreadable marker '{line.Trim()}'; see SnippetKind for the forms.");
        }

        var argument = match.Groups["arg"].Value.Trim();
        return match.Groups["kind"].Value switch
        {
            "fragment" => (SnippetKind.Fragment, argument.TrimStart('(').TrimEnd(')')),
            "excerpt" => (SnippetKind.Excerpt, argument),
            _ => (SnippetKind.NotCompiled, argument.TrimStart('(').TrimEnd(')')),
        };
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SafeCallLogger.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("SafeCallLogger.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^<!-- compile: (?<kind>fragment|excerpt|no)\b(?<arg>.*?)-->$")]
    private static partial Regex MarkerPattern();
}
