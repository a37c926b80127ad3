namespace SafeCallLogger.PostgreSql.Internal;

/// <summary>
/// The DDL of each schema version; <see cref="PgMigrations"/> applies them in order, each only adding and each safe to
/// run again (<c>IF NOT EXISTS</c>), so a table the Python bot or an operator made is adopted as it is.
/// </summary>
internal static class PgSchema
{
    /// <summary>The columns of the calls table, exactly the Python bot's names in its order (a public contract).</summary>
    public static readonly string[] Columns = Storage.CallTableColumns.Calls;

    /// <summary>The timestamp columns of the calls table (<c>timestamptz</c>).</summary>
    public static readonly string[] TimeColumns = ["match_date", "match_commence_time", "alert_sent_at", "expires_at"];

    /// <summary>Version 1: the Python bot's table, column for column, with PostgreSQL types, and its indexes.</summary>
    public static string Version1(PgTableNames t) => $"""
        CREATE TABLE IF NOT EXISTS {t.Calls} (
            call_id text PRIMARY KEY,
            call_type text NOT NULL,
            sport text,
            league text,
            team_a text,
            team_b text,
            match_date timestamptz,
            match_commence_time timestamptz,
            bookmaker_a text NOT NULL,
            bookmaker_b text NOT NULL,
            market_type text,
            odds_a double precision NOT NULL,
            odds_b double precision NOT NULL,
            odds_a_decimal double precision,
            odds_b_decimal double precision,
            recommended_stake_a double precision,
            recommended_stake_b double precision,
            total_stake double precision,
            expected_profit double precision,
            roi_percent double precision NOT NULL,
            alert_sent_at timestamptz DEFAULT now(),
            expires_at timestamptz,
            total_users_notified integer DEFAULT 0,
            total_users_bet integer DEFAULT 0,
            alert_clicked_count integer DEFAULT 0,
            actual_outcome text,
            actual_profit double precision,
            line_movement_speed text,
            closing_line_a double precision,
            closing_line_b double precision,
            clv_a double precision,
            clv_b double precision,
            data_source text,
            raw_data jsonb
        );
        CREATE INDEX IF NOT EXISTS {t.Index("call_type")} ON {t.Calls} (call_type);
        CREATE INDEX IF NOT EXISTS {t.Index("sport")} ON {t.Calls} (sport);
        CREATE INDEX IF NOT EXISTS {t.Index("roi_percent")} ON {t.Calls} (roi_percent);
        CREATE INDEX IF NOT EXISTS {t.Index("alert_sent_at")} ON {t.Calls} (alert_sent_at);
        """;

    /// <summary>Version 2: per-user rows, operations waiting for their call, applied operation ids, and the stats deltas with their triggers.</summary>
    public static string Version2(PgTableNames t) => $"""
        CREATE TABLE IF NOT EXISTS {t.NotifiedUsers} (
            call_id text NOT NULL,
            user_id bigint NOT NULL,
            notified_at timestamptz NOT NULL,
            PRIMARY KEY (call_id, user_id)
        );
        CREATE INDEX IF NOT EXISTS {t.Index("notified_user")} ON {t.NotifiedUsers} (user_id);
        CREATE TABLE IF NOT EXISTS {t.Clicks} (
            call_id text NOT NULL,
            user_id bigint NOT NULL,
            click_count integer NOT NULL,
            first_clicked_at timestamptz NOT NULL,
            last_clicked_at timestamptz NOT NULL,
            PRIMARY KEY (call_id, user_id)
        );
        CREATE INDEX IF NOT EXISTS {t.Index("click_user")} ON {t.Clicks} (user_id);
        CREATE TABLE IF NOT EXISTS {t.PendingOps} (
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            call_id text NOT NULL,
            kind smallint NOT NULL,
            received_at timestamptz NOT NULL,
            user_id bigint,
            outcome text,
            profit double precision,
            closing_line_a double precision,
            closing_line_b double precision,
            line_movement_speed text
        );
        CREATE INDEX IF NOT EXISTS {t.Index("pending_call")} ON {t.PendingOps} (call_id);
        CREATE TABLE IF NOT EXISTS {t.AppliedOps} (
            op_id uuid PRIMARY KEY,
            applied_at timestamptz NOT NULL
        );
        CREATE INDEX IF NOT EXISTS {t.Index("applied_at")} ON {t.AppliedOps} (applied_at);
        CREATE TABLE IF NOT EXISTS {t.Stats} (
            bucket text NOT NULL,
            key text NOT NULL,
            calls bigint NOT NULL,
            calls_with_clicks bigint NOT NULL,
            users_notified bigint NOT NULL,
            users_bet bigint NOT NULL,
            results_known bigint NOT NULL,
            profit double precision NOT NULL
        );
        LOCK TABLE {t.Calls} IN SHARE ROW EXCLUSIVE MODE;
        DELETE FROM {t.Stats};
        INSERT INTO {t.Stats} {Deltas(t.Calls, string.Empty)};
        CREATE OR REPLACE FUNCTION {t.StatsFunction}() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                INSERT INTO {t.Stats} {Deltas("new_rows", string.Empty)};
            ELSIF TG_OP = 'UPDATE' THEN
                INSERT INTO {t.Stats} {Deltas("new_rows", string.Empty, "old_rows")};
            ELSE
                INSERT INTO {t.Stats} {Deltas("old_rows", "-")};
            END IF;
            RETURN NULL;
        END
        $fn$;
        DROP TRIGGER IF EXISTS {t.Trigger("stats_insert")} ON {t.Calls};
        CREATE TRIGGER {t.Trigger("stats_insert")} AFTER INSERT ON {t.Calls}
            REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION {t.StatsFunction}();
        DROP TRIGGER IF EXISTS {t.Trigger("stats_update")} ON {t.Calls};
        CREATE TRIGGER {t.Trigger("stats_update")} AFTER UPDATE ON {t.Calls}
            REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION {t.StatsFunction}();
        DROP TRIGGER IF EXISTS {t.Trigger("stats_delete")} ON {t.Calls};
        CREATE TRIGGER {t.Trigger("stats_delete")} AFTER DELETE ON {t.Calls}
            REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION {t.StatsFunction}();
        """;

    /// <summary>Version 3: operations storage refused for what they hold, kept to be read and replayed.</summary>
    public static string Version3(PgTableNames t) => $"""
        CREATE TABLE IF NOT EXISTS {t.DeadLetters} (
            op_id uuid PRIMARY KEY,
            call_id text NOT NULL,
            kind text NOT NULL,
            error text NOT NULL,
            operation_json text NOT NULL,
            failed_at timestamptz NOT NULL
        );
        CREATE INDEX IF NOT EXISTS {t.Index("dead_letter_failed_at")} ON {t.DeadLetters} (failed_at);
        """;

    /// <summary>
    /// Version 4: the Python guide's names <c>sent_at</c> and <c>users_clicked</c>. The seed's checks query the table
    /// itself (<c>SELECT * FROM arbitrage_calls ORDER BY sent_at</c>), so the aliases must be columns of it, not of a
    /// view; PostgreSQL 15 has only STORED generated columns (12 bytes a row), which no writer can set and which a
    /// 34-value <c>INSERT … VALUES</c> without a column list leaves to the server. Adding them to a large existing
    /// table rewrites it once, under the migration's lock.
    /// </summary>
    public static string Version4(PgTableNames t) => $"""
        ALTER TABLE {t.Calls} ADD COLUMN IF NOT EXISTS sent_at timestamptz GENERATED ALWAYS AS (alert_sent_at) STORED;
        ALTER TABLE {t.Calls} ADD COLUMN IF NOT EXISTS users_clicked integer GENERATED ALWAYS AS (alert_clicked_count) STORED;
        """;

    /// <summary>Folds the stats deltas into one row per call type and sport: run by retention; safe while writers add deltas.</summary>
    public static string CompactStats(PgTableNames t) => $"""
        WITH folded AS (DELETE FROM {t.Stats} RETURNING *)
        INSERT INTO {t.Stats} SELECT bucket, key, sum(calls), sum(calls_with_clicks), sum(users_notified), sum(users_bet), sum(results_known), sum(profit)
        FROM folded GROUP BY bucket, key
        HAVING sum(calls) <> 0 OR sum(calls_with_clicks) <> 0 OR sum(users_notified) <> 0 OR sum(users_bet) <> 0 OR sum(results_known) <> 0 OR sum(profit) <> 0
        """;

    /// <summary>A <c>SELECT</c> of the stats deltas of the rows of <paramref name="source"/> (signed), minus those of <paramref name="minus"/>.</summary>
    private static string Deltas(string source, string sign, string? minus = null)
    {
        var rows = Rows(source, sign) + (minus is null ? string.Empty : " UNION ALL " + Rows(minus, "-"));
        return $"""
            SELECT bucket, key, sum(calls), sum(calls_with_clicks), sum(users_notified), sum(users_bet), sum(results_known), sum(profit)
                FROM ({rows}) d GROUP BY bucket, key
                HAVING sum(calls) <> 0 OR sum(calls_with_clicks) <> 0 OR sum(users_notified) <> 0 OR sum(users_bet) <> 0 OR sum(results_known) <> 0 OR sum(profit) <> 0
            """;
    }

    private static string Rows(string source, string sign) => $"""
        SELECT 't' AS bucket, COALESCE(call_type, '') AS key, {sign}1::bigint AS calls,
               {sign}(COALESCE(alert_clicked_count, 0) > 0)::int::bigint AS calls_with_clicks,
               {sign}COALESCE(total_users_notified, 0)::bigint AS users_notified, {sign}COALESCE(total_users_bet, 0)::bigint AS users_bet,
               {sign}(actual_outcome IS NOT NULL AND actual_outcome <> 'unknown')::int::bigint AS results_known,
               {sign}COALESCE(actual_profit, 0)::double precision AS profit
        FROM {source}
        UNION ALL
        SELECT 's', sport, {sign}1::bigint, 0, 0, 0, 0, 0 FROM {source} WHERE sport IS NOT NULL
        """;
}
