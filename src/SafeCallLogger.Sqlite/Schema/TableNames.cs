using SafeCallLogger.Storage;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>The quoted names of the calls table and its companions, built once from a validated table name.</summary>
internal sealed class TableNames
{
    public TableNames(string table)
    {
        Plain = table;
        Calls = SqlIdentifier.Quote(table);
        NotifiedUsersPlain = table + "_notified_users";
        NotifiedUsers = SqlIdentifier.Quote(NotifiedUsersPlain);
        ClicksPlain = table + "_clicks";
        Clicks = SqlIdentifier.Quote(ClicksPlain);
        PendingOps = SqlIdentifier.Quote(table + "_pending_ops");
        StatsByTypePlain = table + "_stats_by_type";
        StatsByType = SqlIdentifier.Quote(StatsByTypePlain);
        StatsBySport = SqlIdentifier.Quote(table + "_stats_by_sport");
        AppliedOpsPlain = table + "_applied_ops";
        AppliedOps = SqlIdentifier.Quote(AppliedOpsPlain);
        DeadLettersPlain = table + "_dead_letters";
        DeadLetters = SqlIdentifier.Quote(DeadLettersPlain);
        SchemaVersionPlain = table + "_schema";
        SchemaVersion = SqlIdentifier.Quote(SchemaVersionPlain);
    }

    /// <summary>The table name as configured, unquoted.</summary>
    public string Plain { get; }

    public string Calls { get; }

    public string NotifiedUsers { get; }

    public string Clicks { get; }

    /// <summary>The per-user notified table name, unquoted.</summary>
    public string NotifiedUsersPlain { get; }

    /// <summary>The per-user clicks table name, unquoted.</summary>
    public string ClicksPlain { get; }

    public string PendingOps { get; }

    public string AppliedOps { get; }

    /// <summary>The applied-operations table name, unquoted: the last table a migration creates.</summary>
    public string AppliedOpsPlain { get; }

    /// <summary>Operations storage refused for what they hold (<see cref="DeadLetter"/>).</summary>
    public string DeadLetters { get; }

    /// <summary>The dead-letters table name, unquoted.</summary>
    public string DeadLettersPlain { get; }

    /// <summary>Our own schema version, one row: never <c>PRAGMA user_version</c>, which belongs to the host application.</summary>
    public string SchemaVersion { get; }

    /// <summary>The schema-version table name, unquoted.</summary>
    public string SchemaVersionPlain { get; }

    /// <summary>Running totals per call_type, kept by triggers, so /ml_stats never scans the calls.</summary>
    public string StatsByType { get; }

    /// <summary>The stats-by-type table name, unquoted: the last table the schema creates.</summary>
    public string StatsByTypePlain { get; }

    /// <summary>Calls per sport, kept by triggers.</summary>
    public string StatsBySport { get; }

    /// <summary>A quoted trigger name for this table, e.g. <c>"trg_arbitrage_calls_stats_insert"</c>.</summary>
    public string Trigger(string suffix) => SqlIdentifier.Quote("trg_" + Plain + "_" + suffix);

    /// <summary>A quoted index name for this table, e.g. <c>"ix_arbitrage_calls_sport"</c>.</summary>
    public string Index(string suffix) => SqlIdentifier.Quote("ix_" + Plain + "_" + suffix);
}
