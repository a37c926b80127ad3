using System.Globalization;
using SafeCallLogger;

namespace SafeCallLogger.CrashChild;

/// <summary>
/// The command line: <c>--db PATH [--mode auto|off|spill|durable] [--rate N] [--count N] [--prefix P] [--di]
/// [--journal DIR] [--hold] [--no-dispose]</c>. A rate of 0 logs in a tight loop; a count of 0 logs until the process
/// is killed; <c>--hold</c> waits, after the last call, until stdin closes before disposing the logger;
/// <c>--no-dispose</c> returns from <c>Main</c> after the last call without flushing, disposing or stopping anything,
/// as a bot that forgets to.
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
        long count = 0;
        long? clickUser = null;
        bool di = false, hold = false, noDispose = false;
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
        };
    }

    private static string Value(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"'{args[i - 1]}' needs a value.", nameof(args));
}
