using Microsoft.Data.Sqlite;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// The schema and its migrations, versioned by <c>PRAGMA user_version</c>.
/// Version 1 is the seed's plain <c>arbitrage_calls</c> table with its indexes (what the Python bot created; a file
/// with the table and user_version 0 is read as version 1). Version 2 adds the per-user and bookkeeping companion
/// tables and the covering index the stats query scans. Every step only adds, so rows are never lost.
/// </summary>
internal static class SqliteSchema
{
    public const int CurrentVersion = 2;

    /// <summary>The columns of the calls table, exactly the brief's names in the brief's order (a public contract).</summary>
    public static readonly string[] Columns =
    [
        "call_id", "call_type", "sport", "league", "team_a", "team_b", "match_date", "match_commence_time",
        "bookmaker_a", "bookmaker_b", "market_type", "odds_a", "odds_b", "odds_a_decimal", "odds_b_decimal",
        "recommended_stake_a", "recommended_stake_b", "total_stake", "expected_profit", "roi_percent",
        "alert_sent_at", "expires_at", "total_users_notified", "total_users_bet", "alert_clicked_count",
        "actual_outcome", "actual_profit", "line_movement_speed", "closing_line_a", "closing_line_b", "clv_a", "clv_b",
        "data_source", "raw_data",
    ];

    /// <summary>Version 1: the seed's table, column for column, and its indexes.</summary>
    public static string Version1(TableNames t) => $"""
        CREATE TABLE IF NOT EXISTS {t.Calls} (
            call_id TEXT PRIMARY KEY,
            call_type TEXT NOT NULL,
            sport TEXT,
            league TEXT,
            team_a TEXT,
            team_b TEXT,
            match_date TIMESTAMP,
            match_commence_time TIMESTAMP,
            bookmaker_a TEXT NOT NULL,
            bookmaker_b TEXT NOT NULL,
            market_type TEXT,
            odds_a REAL NOT NULL,
            odds_b REAL NOT NULL,
            odds_a_decimal REAL,
            odds_b_decimal REAL,
            recommended_stake_a REAL,
            recommended_stake_b REAL,
            total_stake REAL,
            expected_profit REAL,
            roi_percent REAL NOT NULL,
            alert_sent_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
            expires_at TIMESTAMP,
            total_users_notified INTEGER DEFAULT 0,
            total_users_bet INTEGER DEFAULT 0,
            alert_clicked_count INTEGER DEFAULT 0,
            actual_outcome TEXT,
            actual_profit REAL,
            line_movement_speed TEXT,
            closing_line_a REAL,
            closing_line_b REAL,
            clv_a REAL,
            clv_b REAL,
            data_source TEXT,
            raw_data TEXT
        );
        CREATE INDEX IF NOT EXISTS {t.Index("call_type")} ON {t.Calls} (call_type);
        CREATE INDEX IF NOT EXISTS {t.Index("sport")} ON {t.Calls} (sport);
        CREATE INDEX IF NOT EXISTS {t.Index("roi_percent")} ON {t.Calls} (roi_percent);
        CREATE INDEX IF NOT EXISTS {t.Index("alert_sent_at")} ON {t.Calls} (alert_sent_at);
        """;

    /// <summary>Version 2: per-user rows, operations waiting for their call, applied operation ids, and the stats index.</summary>
    public static string Version2(TableNames t) => $"""
        CREATE TABLE IF NOT EXISTS {t.NotifiedUsers} (
            call_id TEXT NOT NULL,
            user_id INTEGER NOT NULL,
            notified_at TIMESTAMP NOT NULL,
            PRIMARY KEY (call_id, user_id)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS {t.Index("notified_user")} ON {t.NotifiedUsers} (user_id);
        CREATE TABLE IF NOT EXISTS {t.Clicks} (
            call_id TEXT NOT NULL,
            user_id INTEGER NOT NULL,
            click_count INTEGER NOT NULL,
            first_clicked_at TIMESTAMP NOT NULL,
            last_clicked_at TIMESTAMP NOT NULL,
            PRIMARY KEY (call_id, user_id)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS {t.Index("click_user")} ON {t.Clicks} (user_id);
        CREATE TABLE IF NOT EXISTS {t.PendingOps} (
            seq INTEGER PRIMARY KEY,
            call_id TEXT NOT NULL,
            kind INTEGER NOT NULL,
            received_at TIMESTAMP NOT NULL,
            user_id INTEGER,
            outcome TEXT,
            profit REAL,
            closing_line_a REAL,
            closing_line_b REAL,
            line_movement_speed TEXT
        );
        CREATE INDEX IF NOT EXISTS {t.Index("pending_call")} ON {t.PendingOps} (call_id);
        CREATE TABLE IF NOT EXISTS {t.AppliedOps} (
            op_id BLOB PRIMARY KEY,
            applied_at TIMESTAMP NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS {t.Index("applied_at")} ON {t.AppliedOps} (applied_at);
        CREATE INDEX IF NOT EXISTS {t.Index("stats")} ON {t.Calls} (call_type, alert_clicked_count, total_users_notified, total_users_bet, actual_outcome, actual_profit);
        """;

    /// <summary>
    /// Creates the schema when missing and upgrades an older file in place, in one transaction. Safe to call on every
    /// open and from several processes: every statement is <c>IF NOT EXISTS</c>. Throws on failure.
    /// </summary>
    public static void EnsureCreated(SqliteConnection connection, TableNames t)
    {
        var version = ReadVersion(connection);
        if (version >= CurrentVersion && TableExists(connection, t.AppliedOpsPlain) && TableExists(connection, t.Plain))
        {
            return;
        }

        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, Version1(t));
        Execute(connection, transaction, Version2(t));
        if (version < CurrentVersion)
        {
            Execute(connection, transaction, "PRAGMA user_version = " + CurrentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        transaction.Commit();
    }

    public static int ReadVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static bool TableExists(SqliteConnection connection, string plainName)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", plainName);
        return command.ExecuteScalar() is not null;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
