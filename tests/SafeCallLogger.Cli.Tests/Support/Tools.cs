using System.Diagnostics;

namespace SafeCallLogger.Cli.Tests.Support;

/// <summary>What a run of a tool printed and returned.</summary>
internal sealed record ToolRun(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}";
}

/// <summary>Runs the built safecall tool and the sample bot as real processes (<c>dotnet &lt;dll&gt; args…</c>), output redirected.</summary>
internal static class Tools
{
    private static readonly Lazy<string> Repository = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SafeCallLogger.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("SafeCallLogger.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Safecall => Built(Path.Combine("src", "SafeCallLogger.Cli"), "safecall.dll");

    public static string SampleBot => Built(Path.Combine("samples", "SampleBot"), "SampleBot.dll");

    /// <summary>Runs <c>safecall args…</c>; TERM claims a colour terminal, so a plain output proves the redirect is detected.</summary>
    public static Task<ToolRun> SafecallAsync(params string[] args) => RunAsync(Safecall, args);

    public static async Task<ToolRun> RunAsync(string dll, IEnumerable<string> args, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["TERM"] = "xterm-256color";
        start.Environment.Remove("NO_COLOR");
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TestWait.Guard);
        return new ToolRun(process.ExitCode, await stdout, await stderr);
    }

    // Beside the test assembly's configuration: tests/X/bin/Debug/net10.0 -> src/Y/bin/Debug/net10.0.
    private static string Built(string project, string dll)
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(Repository.Value, project, "bin", here.Parent!.Name, here.Name, dll);
        Assert.True(File.Exists(path), $"{path} not found: build the test project (it builds the tool and the sample first).");
        return path;
    }
}
