namespace SafeCallLogger.Cli.Tests.Support;

/// <summary>Runs the built safecall tool and the sample bot as real processes (<c>dotnet &lt;dll&gt; args…</c>), output redirected.</summary>
internal static class Tools
{
    // TERM claims a colour terminal, so a plain output proves the redirect is detected.
    private static readonly Dictionary<string, string?> Terminal = new()
    {
        ["TERM"] = "xterm-256color",
        ["NO_COLOR"] = null,
        ["DOTNET_NOLOGO"] = "1",
    };

    public static string Safecall => BuiltDll.Of("src/SafeCallLogger.Cli", "safecall.dll");

    public static string SampleBot => BuiltDll.Of("samples/SampleBot", "SampleBot.dll");

    /// <summary>Runs <c>safecall args…</c>.</summary>
    public static Task<ChildRun> SafecallAsync(params string[] args) => RunAsync(Safecall, args);

    public static Task<ChildRun> RunAsync(string dll, IEnumerable<string> args, string? workingDirectory = null) =>
        ChildProcess.DotnetAsync(dll, args, workingDirectory, Terminal);
}
