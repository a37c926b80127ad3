using System.Diagnostics;

namespace SafeCallLogger.Sqlite.Tests.Support;

/// <summary>Runs the real sqlite3 command-line tool on a file: another process, as an operator or a Python job would be.</summary>
internal static class Sqlite3Shell
{
    public static async Task<string[]> RunAsync(string path, string sql)
    {
        var start = new ProcessStartInfo("sqlite3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(path);
        start.ArgumentList.Add(sql);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, error);
        return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>The seed's table as a Python bot may have made it, with <paramref name="extra"/> (a constraint, a trigger) of its own.</summary>
    public static Task CreateSeedTableAsync(string path, string replaceLeague = "league TEXT,", string extra = "") =>
        RunAsync(path, SafeCallLogger.Sqlite.Internal.SqliteSchema.Version1(new SafeCallLogger.Sqlite.Internal.TableNames("arbitrage_calls")).Replace("league TEXT,", replaceLeague, StringComparison.Ordinal) + extra);
}
