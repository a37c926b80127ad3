using SafeCallLogger.Cli.Infrastructure;
using SafeCallLogger.Sqlite;

namespace SafeCallLogger.Cli.Storage;

/// <summary>
/// The storage a command works on, whatever its kind: the store contract, its analytics, a sink for the self-test,
/// and the SQLite file when it is one (backup and doctor are SQLite's). Each <see cref="IStorageKind"/> makes one;
/// no command knows which kind it got.
/// </summary>
internal sealed class StoreTarget
{
    private readonly Func<ICallSink> _createSink;

    public StoreTarget(string description, ICallStore store, Func<ICallSink> createSink, string? sqlitePath = null)
    {
        Description = description;
        Store = store;
        _createSink = createSink;
        SqlitePath = sqlitePath;
    }

    /// <summary>What the operator named (the file path), for messages.</summary>
    public string Description { get; }

    public ICallStore Store { get; }

    /// <summary>The analytics of the store; an error line when this storage has none.</summary>
    public ICallAnalytics Analytics => Store as ICallAnalytics
        ?? throw new CliException(ExitCodes.Failure, $"this storage ({Store.GetType().Name}) does not answer analytics queries in this version");

    /// <summary>The SQLite store, for what only SQLite offers (backup, dead letters).</summary>
    public SqliteCallStore Sqlite => Store as SqliteCallStore
        ?? throw CliException.BadArguments("this command works on a SQLite database (--db FILE) only");

    /// <summary>The full path of the SQLite file, or null for another storage.</summary>
    public string? SqlitePath { get; }

    /// <summary>A new sink writing to the same storage (the self-test's logger owns it).</summary>
    public ICallSink CreateSink() => _createSink();
}
