namespace SafeCallLogger.Docs.Tests;

/// <summary>One ```csharp block of a Markdown file.</summary>
/// <param name="File">The Markdown file, relative to the repository root (e.g. <c>docs/SQLITE.md</c>).</param>
/// <param name="Line">The 1-based line of the block's first line of code.</param>
/// <param name="Code">The code, without the fences.</param>
/// <param name="Kind">How it is checked.</param>
/// <param name="Argument">The marker's argument: a fragment's parameters, an excerpt's source file, or why a block is not compiled.</param>
internal sealed record Snippet(string File, int Line, string Code, SnippetKind Kind, string Argument)
{
    /// <summary><c>README.md:42</c>, as a test case name and in failure messages.</summary>
    public string Id => $"{File}:{Line}";
}
