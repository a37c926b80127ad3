using System.Diagnostics.CodeAnalysis;

/// <summary>
/// The runtime calls this before <c>Main</c> when the assembly is named in <c>DOTNET_STARTUP_HOOKS</c>: only
/// <see cref="SafeCallLogger.Tests.Journal.JournalKillTests"/> does that, for its child process. Never loaded by a
/// test run.
/// </summary>
[SuppressMessage("Design", "CA1050:Declare types in namespaces", Justification = "The runtime looks a startup hook up as the global type StartupHook.")]
internal static class StartupHook
{
    public static void Initialize()
    {
        if (Environment.GetEnvironmentVariable(SafeCallLogger.Tests.Journal.JournalKillTests.DirectoryVariable) is { } directory)
        {
            SafeCallLogger.Tests.Journal.JournalKillTests.RunChild(directory);
        }
    }
}
