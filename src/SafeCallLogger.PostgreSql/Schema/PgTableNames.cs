using SafeCallLogger.Storage;

namespace SafeCallLogger.PostgreSql.Internal;

/// <summary>The schema-qualified, quoted names of the calls table and its companions, built once from validated options.</summary>
internal sealed class PgTableNames
{
    public PgTableNames(string schema, string table)
    {
        SchemaPlain = schema;
        Plain = table;
        Schema = SqlIdentifier.Quote(schema);
        Calls = Qualified(table);
        NotifiedUsers = Qualified(table + "_notified_users");
        Clicks = Qualified(table + "_clicks");
        PendingOps = Qualified(table + "_pending_ops");
        AppliedOps = Qualified(table + "_applied_ops");
        DeadLetters = Qualified(table + "_dead_letters");
        Stats = Qualified(table + "_stats");
        StatsFunction = Qualified(table + "_stats_delta");
        SchemaVersion = Qualified(table + "_schema");
    }

    /// <summary>The schema name as configured, unquoted.</summary>
    public string SchemaPlain { get; }

    /// <summary>The table name as configured, unquoted.</summary>
    public string Plain { get; }

    public string Schema { get; }

    public string Calls { get; }

    public string NotifiedUsers { get; }

    public string Clicks { get; }

    public string PendingOps { get; }

    public string AppliedOps { get; }

    /// <summary>Operations storage refused for what they hold (<see cref="DeadLetter"/>).</summary>
    public string DeadLetters { get; }

    /// <summary>
    /// Stats deltas: one row per call type or sport per statement that changed the calls, appended by statement
    /// triggers (no row is shared between writers, so a fleet never queues on it) and folded by retention.
    /// </summary>
    public string Stats { get; }

    /// <summary>The trigger function that appends to <see cref="Stats"/>.</summary>
    public string StatsFunction { get; }

    /// <summary>Our own schema version, one row.</summary>
    public string SchemaVersion { get; }

    /// <summary>A quoted trigger name (triggers live in their table's schema, so not qualified).</summary>
    public string Trigger(string suffix) => SqlIdentifier.Quote("trg_" + Plain + "_" + suffix);

    /// <summary>A quoted index name, e.g. <c>"ix_arbitrage_calls_sport"</c> (created in the table's schema).</summary>
    public string Index(string suffix) => SqlIdentifier.Quote("ix_" + Plain + "_" + suffix);

    private string Qualified(string name) => Schema + "." + SqlIdentifier.Quote(name);
}
