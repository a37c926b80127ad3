using System.CommandLine;
using System.Globalization;
using SafeCallLogger.Cli.Infrastructure;
using SafeCallLogger.Sqlite;

namespace SafeCallLogger.Cli.Storage;

/// <summary>
/// The one seam between the commands and the storage: the switches that name it (the sample bot's <c>--db FILE</c>)
/// and <see cref="Open"/>. Adding PostgreSQL is one file: a <c>--postgres</c> option added in <see cref="AddTo"/> and
/// its branch in <see cref="Open"/> creating <c>PostgreSqlCallStore</c> and its sink.
/// </summary>
internal static class StorageSwitches
{
    public static readonly Option<string> Db = new("--db")
    {
        Description = "The SQLite database file the bot writes (the sample bot's --db). The default is arbitrage_bot.db in the current directory.",
        HelpName = "FILE",
        Recursive = true,
        DefaultValueFactory = static _ => "arbitrage_bot.db",
    };

    public static readonly Option<double> BusyTimeout = new("--busy-timeout")
    {
        Description = "Seconds to wait for a database another process holds busy before exiting with code 5. The default is 2.",
        HelpName = "SECONDS",
        Recursive = true,
        DefaultValueFactory = static _ => 2,
    };

    public static void AddTo(RootCommand root)
    {
        root.Add(Db);
        root.Add(BusyTimeout);
    }

    /// <summary>
    /// Checks the storage the switches name and opens it: a missing file, a file that is not SQLite, one without the
    /// calls table or one locked beyond the timeout is an error line and its exit code, and no file is ever created.
    /// </summary>
    public static StoreTarget Open(ParseResult parse, Action<SqliteSinkOptions>? configure = null)
    {
        var seconds = parse.GetValue(BusyTimeout);
        if (!(seconds >= 0 && seconds <= 3600))
        {
            throw CliException.BadArguments(string.Create(CultureInfo.InvariantCulture, $"--busy-timeout must be between 0 and 3600 seconds (was {seconds})"));
        }

        var path = SqliteFileCheck.Verify(parse.GetValue(Db) ?? "arbitrage_bot.db", TimeSpan.FromSeconds(seconds));
        var options = new SqliteSinkOptions { BusyTimeout = TimeSpan.FromSeconds(seconds) };
        configure?.Invoke(options);
        var connectionString = SqliteFileCheck.ConnectionString(path);
        return new StoreTarget(
            path,
            new SqliteCallStore(connectionString, options),
            () => new SqliteCallSink(connectionString, options),
            path);
    }
}
