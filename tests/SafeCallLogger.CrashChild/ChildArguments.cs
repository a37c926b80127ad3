using System.Globalization;
using SafeCallLogger;

namespace SafeCallLogger.CrashChild;

/// <summary>
/// The command line: <c>--db PATH [--mode auto|off|spill|durable] [--rate N] [--count N] [--prefix P] [--di]
/// [--journal DIR] [--hold] [--no-dispose] [--start K] [--notify U,U…] [--click U,U…] [--flush SECONDS] [--timing] [--queue N]</c>.
/// A rate of 0 logs in a tight loop; a count of 0 logs until the process is killed; <c>--hold</c> waits, after the
/// last call, until stdin closes before disposing the logger; <c>--no-dispose</c> returns from <c>Main</c> after the
/// last call without flushing, disposing or stopping anything, as a bot that forgets to. For fleets (several children
/// on one store): <c>--start</c> begins at counter K and wraps at the count, so children send the same ids in another
/// order; <c>--notify</c> sends each call to those user ids; <c>--click</c> clicks each call once per listed user
/// (repeats allowed) right after logging it; <c>--flush</c> is how long the final flush may take (30 s by default);
/// <c>--timing</c> prints <c>ELAPSED ms</c> (first call to flushed) before <c>DONE</c>; <c>--queue</c> sets the queue
/// capacity (benchmarks size it to the run so nothing spills).
/// </summary>
internal sealed class ChildArguments
{
    /// <summary>The SQLite file (<c>--db</c>); empty when <see cref="Postgres"/> is set.</summary>
    public required string Database { get; init; }

    /// <summary>An Npgsql connection string (<c>--postgres</c>): the child writes to PostgreSQL instead of SQLite.</summary>
    public string? Postgres { get; init; }

    public JournalMode Mode { get; init; } = JournalMode.Auto;

    public int Rate { get; init; }

    public long Count { get; init; }

    public string Prefix { get; init; } = "c";

    public bool UseDependencyInjection { get; init; }

    public string? JournalDirectory { get; init; }

    public bool Hold { get; init; }

    public bool NoDispose { get; init; }

    public long Start { get; init; }

    public IReadOnlyList<long>? Notify { get; init; }

    public IReadOnlyList<long> Click { get; init; } = [];

    public TimeSpan FlushTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public bool Timing { get; init; }

    public int? QueueCapacity { get; init; }

    public string ConnectionString => $"Data Source={Database};Pooling=False";

    /// <summary>
    /// <c>--click-user U</c>: after each call, two I BET clicks on it, one from user <c>U</c> and one from user 0 (shared by
    /// every child), so a fleet test can check that clicks count once per user across processes.
    /// </summary>
    public long? ClickUser { get; init; }

    public static ChildArguments Parse(string[] args)
    {
        string? database = null, prefix = null, journal = null, postgres = null;
        var mode = JournalMode.Auto;
        int rate = 0;
        long count = 0, start = 0;
        long? clickUser = null;
        bool di = false, hold = false, noDispose = false, timing = false;
        long[]? notify = null, click = null;
        var flush = 30;
        int? queue = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--db": database = Value(args, ref i); break;
                case "--postgres": postgres = Value(args, ref i); break;
                case "--mode": mode = Enum.Parse<JournalMode>(Value(args, ref i), ignoreCase: true); break;
                case "--rate": rate = int.Parse(Value(args, ref i), CultureInfo.InvariantCulture); break;
                case "--count": count = long.Parse(Value(args, ref i), CultureInfo.InvariantCulture); break;
                case "--prefix": prefix = Value(args, ref i); break;
                case "--click-user": clickUser = long.Parse(Value(args, ref i), CultureInfo.InvariantCulture); break;
                case "--journal": journal = Value(args, ref i); break;
                case "--di": di = true; break;
                case "--hold": hold = true; break;
                case "--no-dispose": noDispose = true; break;
                case "--start": start = long.Parse(Value(args, ref i), CultureInfo.InvariantCulture); break;
                case "--notify": notify = Users(Value(args, ref i)); break;
                case "--click": click = Users(Value(args, ref i)); break;
                case "--flush": flush = int.Parse(Value(args, ref i), CultureInfo.InvariantCulture); break;
                case "--timing": timing = true; break;
                case "--queue": queue = int.Parse(Value(args, ref i), CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'.", nameof(args));
            }
        }

        return new ChildArguments
        {
            Database = database ?? (postgres is null ? throw new ArgumentException("--db PATH or --postgres CONNECTION-STRING is required.", nameof(args)) : string.Empty),
            Postgres = postgres,
            Mode = mode,
            Rate = rate,
            Count = count,
            Prefix = prefix ?? "c",
            UseDependencyInjection = di,
            JournalDirectory = journal,
            Hold = hold,
            NoDispose = noDispose,
            ClickUser = clickUser,
            Start = start,
            Notify = notify,
            Click = click ?? [],
            FlushTimeout = TimeSpan.FromSeconds(flush),
            Timing = timing,
            QueueCapacity = queue,
        };
    }

    private static long[] Users(string list) =>
        [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(static u => long.Parse(u, CultureInfo.InvariantCulture))];

    private static string Value(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"'{args[i - 1]}' needs a value.", nameof(args));
}
