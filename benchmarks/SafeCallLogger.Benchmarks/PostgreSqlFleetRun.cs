using System.Diagnostics;
using System.Globalization;
using SafeCallLogger.Benchmarks.Infrastructure;

namespace SafeCallLogger.Benchmarks;

/// <summary>
/// <c>--pg-fleet [calls-per-process] [rounds]</c>: 1, 2 and 4 writer processes into one database (issue 10), timed end
/// to end. Each writer is tests/SafeCallLogger.CrashChild (<c>--postgres … --timing</c>): a real process with a
/// <see cref="CallLogger"/> and the PostgreSQL sink, logging distinct calls in a tight loop, timed from its first call
/// to its flush (it prints <c>ELAPSED ms</c>: JIT warm-up and opening its connection included, the schema already
/// made); its queue holds the whole run, so nothing spills. The floor, in the same
/// run: as many concurrent binary COPYs of as many rows (one connection each) into a plain table of the same columns,
/// key and indexes. Not BenchmarkDotNet: processes, not a method, are what is timed. Best of the rounds for each.
/// </summary>
public static class PostgreSqlFleetRun
{
    public static async Task RunAsync(string[] args)
    {
        var calls = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2;
        using var server = new PgBenchServer();
        Console.WriteLine($"PostgreSQL {server.Version}; {calls:N0} calls per process; best of {rounds}; {Environment.ProcessorCount} cores; load before {Load.Now()}");
        Console.WriteLine();
        Console.WriteLine("| Writers | End to end, calls/s per process | End to end, total calls/s | COPY floor, rows/s per connection | Ratio per process | Load (1 min) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var writers in new[] { 1, 2, 4 })
        {
            double bestProcess = 0, bestTotal = 0, bestCopy = 0;
            for (var round = 0; round < rounds; round++)
            {
                var (perProcess, total) = await WritersAsync(server.CreateDatabase(), writers, calls, round);
                bestProcess = Math.Max(bestProcess, perProcess);
                bestTotal = Math.Max(bestTotal, total);
                bestCopy = Math.Max(bestCopy, await CopiesAsync(server.CreateDatabase(), writers, calls, round));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {writers} | {bestProcess:N0} | {bestTotal:N0} | {bestCopy:N0} | {bestProcess / bestCopy:F2}× | {Load.Now().Split(' ')[0]} |"));
        }

        Console.WriteLine();
        Console.WriteLine($"load after {Load.Now()}");
    }

    /// <summary>Runs the writers at once; returns the mean calls/s of one process and all calls over the slowest one's time.</summary>
    private static async Task<(double PerProcess, double Total)> WritersAsync(string connectionString, int writers, int calls, int round)
    {
        // A fleet's steady state: the schema is there (migrating a fresh database costs more than the calls here).
        await using (var sink = new SafeCallLogger.PostgreSql.PostgreSqlCallSink(connectionString))
        {
            await sink.WriteAsync([Calls.Operation(Calls.Arbitrage("schema", withTime: true), "schema")], CancellationToken.None);
        }

        var children = Enumerable.Range(0, writers).Select(w => Child(connectionString, calls, $"r{round}w{w}_")).ToList();
        var elapsed = await Task.WhenAll(children.Select(WaitAsync));
        var stored = Convert.ToInt64(PgBenchServer.Scalar(connectionString, "SELECT count(*) FROM arbitrage_calls WHERE call_id <> 'schema'"), CultureInfo.InvariantCulture);
        Checks.True(stored == (long)writers * calls, $"{writers} writers stored {stored} of {writers * calls} calls");
        return (elapsed.Average(ms => calls / ms * 1000), writers * calls / elapsed.Max() * 1000);
    }

    /// <summary>As many concurrent COPYs as writers, each of <paramref name="calls"/> rows; returns the mean rows/s of one.</summary>
    private static async Task<double> CopiesAsync(string connectionString, int writers, int calls, int round)
    {
        using var first = await PgCopyFloor.CreateAsync(connectionString);
        var floors = new List<PgCopyFloor> { first };
        for (var w = 1; w < writers; w++)
        {
            floors.Add(await PgCopyFloor.OpenAsync(connectionString));
        }

        var rows = floors.Select((_, w) => Enumerable.Range(0, calls).Select(i => Calls.Arbitrage($"r{round}w{w}_{i:D8}", i, withTime: true)).ToArray()).ToList();
        using var start = new Barrier(writers);
        var times = await Task.WhenAll(floors.Select((floor, w) => Task.Run(() =>
        {
            start.SignalAndWait();
            var clock = Stopwatch.StartNew();
            Checks.True(floor.Copy("calls_indexed", rows[w]) == (ulong)calls, "the COPY wrote every row");
            return clock.Elapsed.TotalMilliseconds;
        })));
        floors.Skip(1).ToList().ForEach(static f => f.Dispose());
        return times.Average(ms => calls / ms * 1000);
    }

    private static Process Child(string connectionString, int calls, string prefix)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var a in (string[])[ChildDll, "--postgres", connectionString, "--count", calls.ToString(CultureInfo.InvariantCulture), "--prefix", prefix,
                     "--mode", "Off", "--queue", (calls * 5).ToString(CultureInfo.InvariantCulture), "--flush", "600", "--timing"])
        {
            start.ArgumentList.Add(a);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }

    private static async Task<double> WaitAsync(Process child)
    {
        using (child)
        {
            child.StandardInput.Close();
            var stderr = child.StandardError.ReadToEndAsync();
            double? elapsed = null;
            string? done = null;
            while (await child.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line.StartsWith("ELAPSED ", StringComparison.Ordinal))
                {
                    elapsed = double.Parse(line[8..], CultureInfo.InvariantCulture);
                }
                else if (line.StartsWith("DONE", StringComparison.Ordinal))
                {
                    done = line;
                }
            }

            await child.WaitForExitAsync();
            Checks.True(child.ExitCode == 0 && elapsed is not null && done is not null && done.Contains("Errors = 0,", StringComparison.Ordinal),
                $"the writer ended cleanly ({child.ExitCode}: {done} {await stderr})");
            return elapsed!.Value;
        }
    }

    /// <summary>The child's dll, built by the project reference in the same configuration.</summary>
    private static string ChildDll
    {
        get
        {
            var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var dll = Path.GetFullPath(Path.Combine(here.FullName, "..", "..", "..", "..", "..", "tests", "SafeCallLogger.CrashChild", "bin", here.Parent!.Name, here.Name, "SafeCallLogger.CrashChild.dll"));
            return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the benchmarks (they build the CrashChild first).", dll);
        }
    }
}
