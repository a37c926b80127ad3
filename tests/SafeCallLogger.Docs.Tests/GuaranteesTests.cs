using System.Text.RegularExpressions;

namespace SafeCallLogger.Docs.Tests;

/// <summary>
/// docs/GUARANTEES.md is the contract, and each of its rows names the test that proves it: every test it names
/// exists, so a renamed or deleted test cannot leave a guarantee standing on nothing.
/// </summary>
public sealed partial class GuaranteesTests
{
    [Fact]
    public void Guarantees_EveryTestNamed_Exists()
    {
        var text = File.ReadAllText(Path.Combine(MarkdownSnippets.Root, "docs", "GUARANTEES.md"));
        var sources = Directory.GetFiles(Path.Combine(MarkdownSnippets.Root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Select(f => (Path: f, Text: File.ReadAllText(f)))
            .ToList();

        var named = TestReference().Matches(text).Select(m => m.Groups["ref"].Value).Distinct(StringComparer.Ordinal).ToList();
        var missing = named.Where(reference => !Exists(reference, sources)).ToList();

        Assert.True(named.Count >= 30, $"only {named.Count} test references found: the pattern no longer reads the page");
        Assert.True(missing.Count == 0, "docs/GUARANTEES.md names tests that do not exist:\n" + string.Join('\n', missing));
    }

    // `Folder/ClassTests.Method_Case_Result`, `ClassTests.Method...` or `Folder/ClassTests`.
    private static bool Exists(string reference, List<(string Path, string Text)> sources)
    {
        var parts = reference.Split('/')[^1].Split('.');
        var type = parts[0];
        var files = sources.Where(s => Regex.IsMatch(s.Text, $@"\bclass {Regex.Escape(type)}\b")).ToList();
        return files.Count > 0 && (parts.Length == 1 || files.Any(f => Regex.IsMatch(f.Text, $@"\b{Regex.Escape(parts[1])}\(")));
    }

    [GeneratedRegex(@"`(?<ref>(?:[A-Z]\w*/)*[A-Z]\w*Tests(?:\.[A-Z]\w*)?)`")]
    private static partial Regex TestReference();
}
