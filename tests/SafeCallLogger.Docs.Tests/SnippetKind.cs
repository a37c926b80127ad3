namespace SafeCallLogger.Docs.Tests;

/// <summary>
/// How a ```csharp block of the docs is checked, chosen by an HTML comment on the line just above its fence
/// (invisible where the Markdown is rendered):
/// <list type="bullet">
/// <item>no comment: <see cref="Program"/>;</item>
/// <item><c>&lt;!-- compile: fragment(ICallLogger callLogger, CallbackQuery callback) --&gt;</c>: <see cref="Fragment"/>;</item>
/// <item><c>&lt;!-- compile: excerpt samples/SampleBot/Bot/AlertBot.cs --&gt;</c>: <see cref="Excerpt"/>;</item>
/// <item><c>&lt;!-- compile: no (why not) --&gt;</c>: <see cref="NotCompiled"/>.</item>
/// </list>
/// </summary>
internal enum SnippetKind
{
    /// <summary>A whole C# file (using lines, top-level statements, types), compiled as it stands.</summary>
    Program,

    /// <summary>
    /// Statements: its leading using lines stay at the top of the file, the rest becomes the body of a method whose
    /// parameters are the names the comment lists (what the surrounding bot code would have in scope).
    /// </summary>
    Fragment,

    /// <summary>Quoted from a file of the repository that the solution build compiles: every line of code in it must appear there, in order.</summary>
    Excerpt,

    /// <summary>Deliberately not compiled; the comment must say why.</summary>
    NotCompiled,
}
