using System.CommandLine;

namespace SafeCallLogger.Cli.Storage;

/// <summary>
/// One kind of storage the tool opens: its switches and how it opens a <see cref="StoreTarget"/> from them. A new
/// storage (PostgreSQL's <c>--postgres "…"</c>) is one class like <see cref="SqliteStorage"/> and one entry in
/// <see cref="StorageSwitches"/>' list; no command changes.
/// </summary>
internal interface IStorageKind
{
    /// <summary>The switches that name this storage, added to the root command (recursive, so they go anywhere).</summary>
    IEnumerable<Option> Options { get; }

    /// <summary>Whether the command line names this storage explicitly.</summary>
    bool IsNamed(ParseResult parse);

    /// <summary>Checks the storage and opens it; throws a <see cref="Infrastructure.CliException"/> that says why not. Never creates a database.</summary>
    StoreTarget Open(ParseResult parse, StoreSettings settings);
}

/// <summary>What a command asks of the store it opens, whatever the storage.</summary>
/// <param name="BusyTimeout">How long to wait for a storage another process holds busy.</param>
/// <param name="RetentionDays">The retention <c>prune</c> runs with; null keeps the store's default.</param>
internal sealed record StoreSettings(TimeSpan BusyTimeout, int? RetentionDays = null);
