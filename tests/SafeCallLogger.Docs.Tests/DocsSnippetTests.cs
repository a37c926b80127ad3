namespace SafeCallLogger.Docs.Tests;

/// <summary>
/// Every ```csharp block of README.md and docs/*.md compiles (or, for an excerpt, still matches the compiled file it
/// quotes), so the docs cannot drift from the API. How a block is checked: <see cref="SnippetKind"/>.
/// </summary>
public sealed class DocsSnippetTests
{
    public static TheoryData<string> Compiled => [.. MarkdownSnippets.All.Where(s => s.Kind is SnippetKind.Program or SnippetKind.Fragment).Select(s => s.Id)];

    public static TheoryData<string> Quoted => [.. MarkdownSnippets.All.Where(s => s.Kind == SnippetKind.Excerpt).Select(s => s.Id)];

    [Theory]
    [MemberData(nameof(Compiled))]
    public void Snippet_AsWritten_CompilesWithoutWarnings(string id)
    {
        var snippet = MarkdownSnippets.All.Single(s => s.Id == id);

        var diagnostics = SnippetCompiler.Compile(snippet);

        Assert.True(diagnostics.Count == 0, $"{id} does not compile:\n{string.Join('\n', diagnostics)}\n\n{snippet.Code}");
    }

    [Theory]
    [MemberData(nameof(Quoted))]
    public void Excerpt_AsWritten_MatchesTheFileItQuotes(string id)
    {
        var snippet = MarkdownSnippets.All.Single(s => s.Id == id);

        var missing = Excerpts.FirstMissingLine(snippet);

        Assert.True(missing is null, $"{id} quotes {snippet.Argument}, which no longer has, in this order: {missing}");
    }

    [Fact]
    public void Docs_EveryBlock_IsCheckedOrSaysWhyNot()
    {
        var all = MarkdownSnippets.All;

        Assert.Contains(all, s => s.File == "README.md" && s.Kind == SnippetKind.Program);
        Assert.All(all.Where(s => s.Kind == SnippetKind.NotCompiled), s => Assert.False(string.IsNullOrWhiteSpace(s.Argument), $"{s.Id}: say why it is not compiled"));
    }
}
