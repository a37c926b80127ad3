using System.CommandLine;
using SafeCallLogger.Sqlite;

namespace SafeCallLogger.Cli.Storage;

/// <summary>The bot's SQLite file, <c>--db FILE</c> (the sample bot's switch): the default storage.</summary>
internal sealed class SqliteStorage : IStorageKind
{
    public const string DefaultFile = "arbitrage_bot.db";

    public static readonly Option<string> Db = new("--db")
    {
        Description = "The SQLite database file the bot writes (the sample bot's --db). The default is arbitrage_bot.db in the current directory.",
        HelpName = "FILE",
        Recursive = true,
        DefaultValueFactory = static _ => DefaultFile,
    };

    public IEnumerable<Option> Options => [Db];

    public bool IsNamed(ParseResult parse) => parse.GetResult(Db) is { Implicit: false };

    public StoreTarget Open(ParseResult parse, StoreSettings settings)
    {
        var path = SqliteFileCheck.Verify(parse.GetValue(Db) ?? DefaultFile, settings.BusyTimeout);
        var options = new SqliteSinkOptions { BusyTimeout = settings.BusyTimeout };
        if (settings.RetentionDays is { } days)
        {
            options.RetentionDays = days;
        }

        var connectionString = SqliteFileCheck.ConnectionString(path);
        return new StoreTarget(path, new SqliteCallStore(connectionString, options), () => new SqliteCallSink(connectionString, options), path);
    }
}
