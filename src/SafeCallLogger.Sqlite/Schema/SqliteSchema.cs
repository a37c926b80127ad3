using Microsoft.Data.Sqlite;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// The DDL of each schema version; <see cref="SchemaMigrations"/> applies them in order.
/// Version 1 is the plain <c>arbitrage_calls</c> table with its indexes (what the Python bot created). Version 2
/// adds the per-user and bookkeeping companion tables, and running totals per call type and per sport kept by
/// triggers (so they stay right whoever writes: this library, the sqlite3 shell or a Python job), filled from the
/// existing rows when created. Version 3 adds the dead letters. Every step only adds, so rows are never lost.
/// </summary>
internal static class SqliteSchema
{

    /// <summary>The columns of the calls table, exactly the Python bot's names in its order (a public contract).</summary>
    public static readonly string[] Columns = Storage.CallTableColumns.Calls;

    /// <summary>Version 1: the Python bot's table, column for column, and its indexes.</summary>
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

    /// <summary>Version 2: per-user rows, operations waiting for their call, applied operation ids, and the stats totals.</summary>
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
        CREATE TABLE IF NOT EXISTS {t.StatsBySport} (
            sport TEXT PRIMARY KEY,
            calls INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS {t.StatsByType} (
            call_type TEXT PRIMARY KEY,
            calls INTEGER NOT NULL,
            calls_with_clicks INTEGER NOT NULL,
            users_notified INTEGER NOT NULL,
            users_bet INTEGER NOT NULL,
            results_known INTEGER NOT NULL,
            profit REAL NOT NULL
        );
        CREATE TRIGGER IF NOT EXISTS {t.Trigger("stats_insert")} AFTER INSERT ON {t.Calls} BEGIN
            {AddToTotals(t, "NEW", "+")}
            INSERT INTO {t.StatsBySport} (sport, calls) SELECT NEW.sport, 1 WHERE NEW.sport IS NOT NULL
                ON CONFLICT (sport) DO UPDATE SET calls = calls + 1;
        END;
        CREATE TRIGGER IF NOT EXISTS {t.Trigger("stats_delete")} AFTER DELETE ON {t.Calls} BEGIN
            {AddToTotals(t, "OLD", "-")}
            UPDATE {t.StatsBySport} SET calls = calls - 1 WHERE sport = OLD.sport;
        END;
        CREATE TRIGGER IF NOT EXISTS {t.Trigger("stats_update")}
            AFTER UPDATE OF call_type, alert_clicked_count, total_users_notified, total_users_bet, actual_outcome, actual_profit ON {t.Calls} BEGIN
            {AddToTotals(t, "OLD", "-")}
            {AddToTotals(t, "NEW", "+")}
        END;
        CREATE TRIGGER IF NOT EXISTS {t.Trigger("stats_update_sport")} AFTER UPDATE OF sport ON {t.Calls} BEGIN
            UPDATE {t.StatsBySport} SET calls = calls - 1 WHERE sport = OLD.sport;
            INSERT INTO {t.StatsBySport} (sport, calls) SELECT NEW.sport, 1 WHERE NEW.sport IS NOT NULL
                ON CONFLICT (sport) DO UPDATE SET calls = calls + 1;
        END;
        """;

    /// <summary>Version 3: operations storage refused for what they hold, kept to be read and replayed (<see cref="IDeadLetterSink"/>).</summary>
    public static string Version3(TableNames t) => $"""
        CREATE TABLE IF NOT EXISTS {t.DeadLetters} (
            op_id TEXT PRIMARY KEY,
            call_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            error TEXT NOT NULL,
            operation_json TEXT NOT NULL,
            failed_at TIMESTAMP NOT NULL
        );
        CREATE INDEX IF NOT EXISTS {t.Index("dead_letter_failed_at")} ON {t.DeadLetters} (failed_at);
        """;

    /// <summary>Recomputes the stats totals from the rows: run when the totals table is created (upgrade from v1).</summary>
    public static string FillTotals(TableNames t) => $"""
        DELETE FROM {t.StatsByType};
        INSERT INTO {t.StatsByType} (call_type, calls, calls_with_clicks, users_notified, users_bet, results_known, profit)
            SELECT COALESCE(call_type, ''), COUNT(*), SUM(COALESCE(alert_clicked_count, 0) > 0), TOTAL(total_users_notified), TOTAL(total_users_bet),
                   SUM(actual_outcome IS NOT NULL AND actual_outcome <> 'unknown'), TOTAL(actual_profit)
            FROM {t.Calls} GROUP BY call_type;
        DELETE FROM {t.StatsBySport};
        INSERT INTO {t.StatsBySport} (sport, calls) SELECT sport, COUNT(*) FROM {t.Calls} WHERE sport IS NOT NULL GROUP BY sport;
        """;

    /// <summary>One row's share of the totals, added (<c>+</c>) or taken away (<c>-</c>).</summary>
    private static string AddToTotals(TableNames t, string row, string sign) => $"""
        INSERT INTO {t.StatsByType} (call_type, calls, calls_with_clicks, users_notified, users_bet, results_known, profit)
                VALUES (COALESCE({row}.call_type, ''), {sign}1, {sign}(COALESCE({row}.alert_clicked_count, 0) > 0),
                        {sign}COALESCE({row}.total_users_notified, 0), {sign}COALESCE({row}.total_users_bet, 0),
                        {sign}({row}.actual_outcome IS NOT NULL AND {row}.actual_outcome <> 'unknown'), {sign}COALESCE({row}.actual_profit, 0))
                ON CONFLICT (call_type) DO UPDATE SET calls = calls + excluded.calls, calls_with_clicks = calls_with_clicks + excluded.calls_with_clicks,
                    users_notified = users_notified + excluded.users_notified, users_bet = users_bet + excluded.users_bet,
                    results_known = results_known + excluded.results_known, profit = profit + excluded.profit;
        """;

    public static bool TableExists(SqliteConnection connection, string plainName, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", plainName);
        return command.ExecuteScalar() is not null;
    }

    public static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
