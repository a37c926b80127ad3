using System.CommandLine;
using System.Globalization;
using SafeCallLogger.Cli.Infrastructure;

namespace SafeCallLogger.Cli.Storage;

/// <summary>
/// The one seam between the commands and the storage: the kinds of storage the tool knows, their switches, and
/// <see cref="Open"/>: SQLite's <c>--db FILE</c> (the default) and PostgreSQL's <c>--postgres "connection string"</c>.
/// Another storage is one more <see cref="IStorageKind"/> and its entry in <see cref="Kinds"/>.
/// </summary>
internal static class StorageSwitches
{
    public static readonly Option<double> BusyTimeout = new("--busy-timeout")
    {
        Description = "Seconds to wait for a database another process holds busy before exiting with code 5. The default is 2.",
        HelpName = "SECONDS",
        Recursive = true,
        DefaultValueFactory = static _ => 2,
    };

    // The first kind the command line names is opened; the last one is the default when none is named.
    private static readonly IStorageKind[] Kinds = [new PostgreSqlStorage(), new SqliteStorage()];

    public static void AddTo(RootCommand root)
    {
        foreach (var option in Kinds.SelectMany(static k => k.Options))
        {
            root.Add(option);
        }

        root.Add(BusyTimeout);
    }

    /// <summary>
    /// Checks the storage the switches name and opens it: a missing file, a file that is not SQLite, one without the
    /// calls table or one locked beyond the timeout is an error line and its exit code, and no file is ever created.
    /// </summary>
    public static StoreTarget Open(ParseResult parse, int? retentionDays = null)
    {
        var seconds = parse.GetValue(BusyTimeout);
        if (!(seconds >= 0 && seconds <= 3600))
        {
            throw CliException.BadArguments(string.Create(CultureInfo.InvariantCulture, $"--busy-timeout must be between 0 and 3600 seconds (was {seconds})"));
        }

        var named = Kinds.Where(k => k.IsNamed(parse)).ToList();
        if (named.Count > 1)
        {
            throw CliException.BadArguments("name one storage only: " + string.Join(" or ", named.SelectMany(static k => k.Options).Select(static o => o.Name)));
        }

        var kind = named.Count == 1 ? named[0] : Kinds[^1];
        return kind.Open(parse, new StoreSettings(TimeSpan.FromSeconds(seconds), retentionDays));
    }
}
