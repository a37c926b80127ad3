using System.Diagnostics;

namespace SafeCallLogger.Tests.Shared;

/// <summary>What a child process printed and returned.</summary>
internal sealed record ChildRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\nstdout: {Output}\nstderr: {Error}";
}

/// <summary>
/// Runs a program as a real process to its end, output redirected and standard input closed. A run past its limit
/// (two minutes unless told) is killed with its whole process tree and fails the test: a hung child must not hang
/// the test run.
/// </summary>
internal static class ChildProcess
{
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromMinutes(2);

    /// <param name="fileName">The program.</param>
    /// <param name="arguments">Its arguments, each passed as one.</param>
    /// <param name="workingDirectory">Where it runs; the temporary directory when not given.</param>
    /// <param name="environment">Variables set for it; a <see langword="null"/> value removes one.</param>
    /// <param name="limit">How long it may run.</param>
    public static async Task<ChildRun> RunAsync(string fileName, IEnumerable<string> arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? limit = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException(fileName + " did not start");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit ?? DefaultLimit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"{fileName} {string.Join(' ', start.ArgumentList)} did not finish in {limit ?? DefaultLimit} and was killed.\nstdout: {await output}\nstderr: {await error}");
        }

        return new ChildRun(process.ExitCode, await output, await error);
    }

    /// <summary>Runs <c>dotnet <paramref name="dll"/> args…</c> (<see cref="BuiltDll"/>).</summary>
    public static Task<ChildRun> DotnetAsync(string dll, IEnumerable<string> arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? limit = null) =>
        RunAsync("dotnet", [dll, .. arguments], workingDirectory, environment, limit);
}
