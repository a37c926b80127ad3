using System.Diagnostics;

namespace SafeCallLogger.Sqlite.Tests.Support;

/// <summary>The real sqlite3 command-line tool, run the way an operator types it: <c>sqlite3 FILE "SQL" …</c>.</summary>
internal static class Sqlite3Shell
{
    /// <summary>Runs <c>sqlite3 path args…</c>; returns the exit code, stdout's lines and stderr.</summary>
    public static Task<(int ExitCode, string[] Lines, string Error)> TryRunAsync(string path, params string[] args) =>
        TryRunAsync(path, null, args);

    /// <summary>Feeds <paramref name="script"/> to <c>sqlite3 path</c> on stdin, as typed at its prompt; fails the test unless it succeeds. Returns stdout's lines.</summary>
    public static async Task<string[]> RunScriptAsync(string path, string script)
    {
        var (exitCode, lines, error) = await TryRunAsync(path, script);
        Assert.True(exitCode == 0 && error.Length == 0, $"sqlite3 failed ({exitCode}): {error}");
        return lines;
    }

    private static async Task<(int ExitCode, string[] Lines, string Error)> TryRunAsync(string path, string? script, params string[] args)
    {
        var start = new ProcessStartInfo("sqlite3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-bail");
        start.ArgumentList.Add(path);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        if (script is not null)
        {
            await process.StandardInput.WriteAsync(script + "\n");
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), await error);
    }

    /// <summary>Runs <c>sqlite3 path args…</c> and fails the test unless it succeeds with nothing on stderr; returns stdout's lines.</summary>
    public static async Task<string[]> RunAsync(string path, params string[] args)
    {
        var (exitCode, lines, error) = await TryRunAsync(path, args);
        Assert.True(exitCode == 0 && error.Length == 0, $"sqlite3 failed ({exitCode}): {error}");
        return lines;
    }

    /// <summary>The seed's table as a Python bot may have made it, with <paramref name="extra"/> (a constraint, a trigger) of its own.</summary>
    public static Task CreateSeedTableAsync(string path, string replaceLeague = "league TEXT,", string extra = "") =>
        RunAsync(path, SafeCallLogger.Sqlite.Internal.SqliteSchema.Version1(new SafeCallLogger.Sqlite.Internal.TableNames("arbitrage_calls")).Replace("league TEXT,", replaceLeague, StringComparison.Ordinal) + extra);
}
