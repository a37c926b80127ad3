using System.Diagnostics;
using Npgsql;

namespace SafeCallLogger.PostgreSql.Tests.Support;

/// <summary>Runs the real psql of the server's bin folder, as an operator would, and returns what it printed.</summary>
internal static class Psql
{
    /// <summary>Runs <paramref name="sql"/> unaligned and tuples-only (<c>-At</c>, fields separated by <c>|</c>); fails the test on an error.</summary>
    public static async Task<string> QueryAsync(PgServer server, string connectionString, string sql)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Path.Combine(server.BinDirectory, "psql"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["-X", "-At", "-v", "ON_ERROR_STOP=1", "-h", cs.Host!, "-p", cs.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", cs.Username!, "-d", cs.Database!, "-c", sql])
        {
            start.ArgumentList.Add(arg);
        }

        if (cs.Password is { } password)
        {
            start.Environment["PGPASSWORD"] = password;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TestWait.Guard);
        Assert.True(process.ExitCode == 0, $"psql failed ({process.ExitCode}): {await stderr}");
        return (await stdout).TrimEnd('\n');
    }
}
