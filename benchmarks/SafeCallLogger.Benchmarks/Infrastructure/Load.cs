namespace SafeCallLogger.Benchmarks.Infrastructure;

/// <summary>The machine's load averages (1, 5, 15 minutes) from /proc/loadavg, printed with the results: the machine is shared.</summary>
public static class Load
{
    public static string Now() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
