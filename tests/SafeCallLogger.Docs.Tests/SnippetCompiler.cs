using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SafeCallLogger.Docs.Tests;

/// <summary>
/// Compiles a snippet with Roslyn as a bot author's project would: nullable on, every warning counted, the implicit
/// usings of <c>dotnet new console</c>, and the assemblies this test runs with as references (the two library
/// projects, Telegram.Bot, the generic host and the .NET runtime).
/// </summary>
internal static class SnippetCompiler
{
    /// <summary>What <c>ImplicitUsings</c> gives a console project; anything else a snippet uses it must show.</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;


    private static readonly Lazy<MetadataReference[]> References = new(() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(p => MetadataReference.CreateFromFile(p))]);

    /// <summary>The errors and warnings, each as <c>README.md(42,9): error CS0029: ...</c>; empty when the snippet compiles cleanly.</summary>
    /// <param name="snippet">The snippet.</param>
    /// <param name="language">The C# version; the default is the latest, as the SDK gives net10.0 projects (net8.0 ones get C# 12).</param>
    public static IReadOnlyList<string> Compile(Snippet snippet, LanguageVersion language = LanguageVersion.Latest)
    {
        var parse = new CSharpParseOptions(language);
        var source = snippet.Kind == SnippetKind.Fragment ? WrapFragment(snippet) : $"#line {snippet.Line} \"{snippet.File}\"\n{snippet.Code}\n";
        var tree = CSharpSyntaxTree.ParseText(source, parse, path: snippet.File);
        var hasStatements = tree.GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any();
        var options = new CSharpCompilationOptions(hasStatements ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary)
            .WithNullableContextOptions(NullableContextOptions.Enable)
            .WithWarningLevel(10)
            // The .NET SDK's own NoWarn: assembly version unification notes (Telegram.Bot is built against .NET 6).
            .WithSpecificDiagnosticOptions([new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]);
        var compilation = CSharpCompilation.Create(
            "Snippet",
            [CSharpSyntaxTree.ParseText(ImplicitUsings, parse, path: "ImplicitUsings.cs"), tree],
            References.Value,
            options);

        using var output = new MemoryStream();
        var result = compilation.Emit(output);
        return [.. result.Diagnostics
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && !d.IsSuppressed)
            .Select(d => d.ToString())];
    }

    /// <summary>
    /// The fragment's leading using lines at the top of the file; the rest as the body of an async method whose
    /// parameters the marker lists, with <c>#line</c> so that errors point at the Markdown file.
    /// </summary>
    private static string WrapFragment(Snippet snippet)
    {
        var lines = snippet.Code.Split('\n');
        var body = 0;
        while (body < lines.Length && (IsUsingDirective(lines[body]) || string.IsNullOrWhiteSpace(lines[body])))
        {
            body++;
        }

        var text = new StringBuilder();
        text.Append("#line ").Append(snippet.Line).Append(" \"").Append(snippet.File).Append("\"\n");
        foreach (var line in lines[..body])
        {
            text.Append(line).Append('\n');
        }

        text.Append("#line hidden\n#pragma warning disable CS1998 // Not every fragment awaits.\n")
            .Append("internal static class Fragment\n{\n    internal static async Task RunAsync(").Append(snippet.Argument).Append(")\n    {\n")
            .Append("#line ").Append(snippet.Line + body).Append(" \"").Append(snippet.File).Append("\"\n");
        foreach (var line in lines[body..])
        {
            text.Append(line).Append('\n');
        }

        return text.Append("#line hidden\n    }\n}\n").ToString();
    }

    private static bool IsUsingDirective(string line)
    {
        var trimmed = line.Trim();
        return trimmed.StartsWith("using ", StringComparison.Ordinal) && trimmed.EndsWith(';')
            && !trimmed.StartsWith("using var ", StringComparison.Ordinal) && !trimmed.Contains('(', StringComparison.Ordinal);
    }
}
