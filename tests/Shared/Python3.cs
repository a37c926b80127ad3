using System.Diagnostics;

namespace SafeCallLogger.Tests.Shared;

/// <summary>Runs the real python3 (standard library only) on a script of tests/Shared/Python, as the seeds' bot would run.</summary>
internal static class Python3
{
    /// <summary>The path of a script copied next to the test assembly.</summary>
    public static string Script(string fileName) => Path.Combine(AppContext.BaseDirectory, "Shared", "Python", fileName);

    /// <summary>Starts <c>python3 script args…</c> with redirected streams; <paramref name="environment"/> adds variables (e.g. TZ).</summary>
    public static Process Start(string script, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Script(script));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
    }

    /// <summary>Runs the script to the end with <paramref name="input"/> on stdin; fails the test on a non-zero exit. Returns stdout's lines.</summary>
    public static async Task<string[]> RunAsync(string script, string input, IReadOnlyDictionary<string, string>? environment = null, params string[] args)
    {
        using var process = Start(script, args, environment);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, "python3 failed: " + await error);
        return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
