namespace SafeCallLogger.PostgreSql.Internal;

/// <summary>
/// The set-based statements of one batch, run after <see cref="StageColumns.InsertSql"/> staged every operation
/// (<c>pos</c> = its place in logging order). They give the result of applying the operations one by one as
/// <see cref="InMemoryCallSink"/> does: operation ids applied once; a call stored once, later sends adding their users;
/// clicks counted, each user once in <c>total_users_bet</c>; for results and closing lines the last in order wins;
/// operations on a call not stored yet kept in <c>{table}_pending_ops</c> (up to the cap) and applied, before the
/// batch's own, once the call exists, whoever stored it. Rows are taken in <c>call_id</c> order so that writers of a
/// fleet lock them in one order.
/// </summary>
/// <remarks>
/// Measured on the 2-core CI machine under load (PostgreSQL 15, fsync off, batches of 256, 200 batches, best of two
/// rounds; noisy, so read the ratios): <c>unnest</c> of typed arrays into the staging table in the same
/// <see cref="Npgsql.NpgsqlBatch"/> as these statements, prepared: 9,200 upserts/s, 5,700 ops/s half upserts half
/// clicks (unprepared: 4,400 and 3,100). Binary COPY into the same staging table, then these statements, in an explicit
/// transaction (three round trips: COPY, the batch, COMMIT): 6,100 and 5,400. A raw binary COPY of the same rows into
/// a plain table without indexes (the floor): 20,000 to 85,000 rows/s. The set-based statements, index upkeep on five
/// tables and the stats triggers cost the difference, which COPY cannot save; one round trip per batch keeps a remote
/// server's latency out of it. So: <c>unnest</c>, one round trip, prepared once per connection.
/// </remarks>
internal static class BatchSql
{
    private const int Upsert = (int)CallOperationKind.UpsertCall;
    private const int Click = (int)CallOperationKind.AddClick;
    private const int Result = (int)CallOperationKind.SetResult;
    private const int Closing = (int)CallOperationKind.SetClosingLines;

    // Waiting rows go before the batch's own operations: they were logged earlier.
    private const string PendingBase = "4611686018427387904";

    /// <summary>Fills <c>scl_stage_users</c> (who was notified, by operation position) from two arrays.</summary>
    public const string StageUsers = "INSERT INTO pg_temp.scl_stage_users (pos, user_id) SELECT * FROM unnest($1::bigint[], $2::bigint[])";

    /// <summary>The statements, in order. <c>$1</c> of <see cref="Applied"/> is the time; <c>$1</c> of <see cref="ToPending"/> the cap.</summary>
    public static string Dedupe => "DELETE FROM pg_temp.scl_stage s USING pg_temp.scl_stage f WHERE s.op_id = f.op_id AND s.pos > f.pos";

    public static string Applied(PgTableNames t) => $"""
        WITH fresh AS (
            INSERT INTO {t.AppliedOps} (op_id, applied_at) SELECT op_id, $1 FROM pg_temp.scl_stage ORDER BY op_id
            ON CONFLICT (op_id) DO NOTHING RETURNING op_id)
        DELETE FROM pg_temp.scl_stage s WHERE NOT EXISTS (SELECT 1 FROM fresh WHERE fresh.op_id = s.op_id)
        """;

    public static string UpsertCalls(PgTableNames t) => $"""
        INSERT INTO {t.Calls} ({string.Join(", ", PgSchema.Columns)})
        SELECT DISTINCT ON (call_id) call_id, call_type, sport, league, team_a, team_b, match_date, match_commence_time,
            bookmaker_a, bookmaker_b, market_type, odds_a, odds_b, odds_a_decimal, odds_b_decimal,
            recommended_stake_a, recommended_stake_b, total_stake, expected_profit, roi_percent, ts, expires_at,
            sum(users_notified) OVER (PARTITION BY call_id), 0, 0, NULL, NULL, speed, NULL, NULL, NULL, NULL,
            data_source, raw_data::jsonb
        FROM pg_temp.scl_stage WHERE kind = {Upsert} ORDER BY call_id, pos
        ON CONFLICT (call_id) DO UPDATE SET total_users_notified = COALESCE({t.Calls}.total_users_notified, 0) + excluded.total_users_notified
        """;

    public static string NotifiedUsers(PgTableNames t) => $"""
        INSERT INTO {t.NotifiedUsers} (call_id, user_id, notified_at)
        SELECT s.call_id, u.user_id, min(s.ts) FROM pg_temp.scl_stage_users u JOIN pg_temp.scl_stage s ON s.pos = u.pos
        GROUP BY s.call_id, u.user_id ORDER BY s.call_id, u.user_id
        ON CONFLICT (call_id, user_id) DO NOTHING
        """;

    /// <summary>Takes the waiting rows whose call is now stored (by this batch or any other writer) into the stage.</summary>
    public static string TakePending(PgTableNames t) => $"""
        WITH taken AS (
            DELETE FROM {t.PendingOps} p WHERE EXISTS (SELECT 1 FROM {t.Calls} c WHERE c.call_id = p.call_id)
            RETURNING p.seq, p.kind, p.call_id, p.received_at, p.user_id, p.outcome, p.profit, p.closing_line_a, p.closing_line_b, p.line_movement_speed)
        INSERT INTO pg_temp.scl_stage (pos, kind, call_id, ts, user_id, users_notified, outcome, profit, cl_a, cl_b, speed)
        SELECT seq - {PendingBase}, kind, call_id, received_at, user_id, 0, outcome, profit, closing_line_a, closing_line_b, line_movement_speed FROM taken
        """;

    /// <summary>
    /// Moves the batch's operations whose call is not stored to the pending table, oldest first, up to the cap
    /// (<c>$1</c>); returns the kind and call of each one discarded beyond it (orphaned). Unknown kinds (a newer core)
    /// are only marked applied, never kept.
    /// </summary>
    public static string ToPending(PgTableNames t) => $"""
        WITH gone AS (
            DELETE FROM pg_temp.scl_stage s WHERE s.kind <> {Upsert} AND NOT EXISTS (SELECT 1 FROM {t.Calls} c WHERE c.call_id = s.call_id)
            RETURNING s.*),
        ranked AS (SELECT g.*, row_number() OVER (ORDER BY pos) AS rn FROM gone g WHERE kind IN ({Click}, {Result}, {Closing})),
        room AS (SELECT GREATEST(0, $1 - (SELECT count(*) FROM {t.PendingOps})) AS n),
        kept AS (
            INSERT INTO {t.PendingOps} (call_id, kind, received_at, user_id, outcome, profit, closing_line_a, closing_line_b, line_movement_speed)
            SELECT r.call_id, r.kind, r.ts, r.user_id, r.outcome, r.profit, r.cl_a, r.cl_b, r.speed FROM ranked r, room WHERE r.rn <= room.n ORDER BY r.pos
            RETURNING 1)
        SELECT r.kind, r.call_id FROM ranked r, room WHERE r.rn > room.n AND (SELECT count(*) FROM kept) >= 0 ORDER BY r.pos
        """;

    public static string Clicks(PgTableNames t) => $"""
        WITH per_user AS (
            SELECT call_id, user_id, count(*) AS n, (array_agg(ts ORDER BY pos))[1] AS first_at, (array_agg(ts ORDER BY pos DESC))[1] AS last_at
            FROM pg_temp.scl_stage WHERE kind = {Click} AND user_id IS NOT NULL GROUP BY call_id, user_id),
        users AS (
            INSERT INTO {t.Clicks} AS k (call_id, user_id, click_count, first_clicked_at, last_clicked_at)
            SELECT call_id, user_id, n, first_at, last_at FROM per_user ORDER BY call_id, user_id
            ON CONFLICT (call_id, user_id) DO UPDATE SET click_count = k.click_count + excluded.click_count, last_clicked_at = excluded.last_clicked_at
            RETURNING k.call_id, (k.xmax = 0) AS first_click),
        first_clicks AS (SELECT call_id, count(*) AS n FROM users WHERE first_click GROUP BY call_id),
        per_call AS (
            SELECT call_id, count(*) AS clicks, count(*) FILTER (WHERE user_id IS NULL) AS anonymous
            FROM pg_temp.scl_stage WHERE kind = {Click} GROUP BY call_id)
        UPDATE {t.Calls} c SET alert_clicked_count = COALESCE(c.alert_clicked_count, 0) + p.clicks,
            total_users_bet = COALESCE(c.total_users_bet, 0) + p.anonymous + COALESCE(f.n, 0)
        FROM per_call p LEFT JOIN first_clicks f ON f.call_id = p.call_id
        WHERE c.call_id = p.call_id
        """;

    public static string Results(PgTableNames t) => $"""
        UPDATE {t.Calls} c SET actual_outcome = r.outcome, actual_profit = r.profit
        FROM (SELECT DISTINCT ON (call_id) call_id, outcome, profit FROM pg_temp.scl_stage WHERE kind = {Result} ORDER BY call_id, pos DESC) r
        WHERE c.call_id = r.call_id
        """;

    public static string ClosingLines(PgTableNames t) => $"""
        UPDATE {t.Calls} c SET closing_line_a = x.a, closing_line_b = x.b,
            clv_a = (c.odds_a_decimal / x.a - 1) * 100, clv_b = (c.odds_b_decimal / x.b - 1) * 100,
            line_movement_speed = COALESCE(x.speed, c.line_movement_speed)
        FROM (
            SELECT call_id, (array_agg(cl_a ORDER BY pos DESC))[1] AS a, (array_agg(cl_b ORDER BY pos DESC))[1] AS b,
                   (array_agg(speed ORDER BY pos DESC) FILTER (WHERE speed IS NOT NULL))[1] AS speed
            FROM pg_temp.scl_stage WHERE kind = {Closing} GROUP BY call_id) x
        WHERE c.call_id = x.call_id
        """;
}
