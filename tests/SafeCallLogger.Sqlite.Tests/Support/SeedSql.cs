namespace SafeCallLogger.Sqlite.Tests.Support;

/// <summary>
/// Every SQL statement of the three seeds (/work/shared/seeds), copied character for character. Commands the seeds
/// give as <c>sqlite3 arbitrage_bot.db "…"</c> are kept as that argument.
/// </summary>
internal static class SeedSql
{
    /// <summary>Seed 000, "TESTER L'INTÉGRATION" 2: <c>sqlite3 arbitrage_bot.db "…"</c>.</summary>
    public const string LatestCall = "SELECT * FROM arbitrage_calls ORDER BY sent_at DESC LIMIT 1;";

    /// <summary>Seed 000, "TESTER L'INTÉGRATION" 4 (<c>xxx</c> stands for the clicked call's id).</summary>
    public const string UsersClicked = "SELECT users_clicked FROM arbitrage_calls WHERE call_id='xxx';";

    /// <summary>Seed 000, "VÉRIFIER QUE ÇA MARCHE": the three checks after 24 hours, a script for the shell's prompt.</summary>
    public const string AfterADay = """
-- Nombre de calls
SELECT COUNT(*) FROM arbitrage_calls;
-- Devrait être > 0

-- Distribution par type
SELECT call_type, COUNT(*) 
FROM arbitrage_calls 
GROUP BY call_type;

-- Calls avec clicks
SELECT COUNT(*) 
FROM arbitrage_calls 
WHERE users_clicked > 0;
-- Devrait augmenter avec le temps
""";

    /// <summary>Seed 001, "Support" 1 and seed 000's first check: <c>sqlite3 arbitrage_bot.db "…"</c>.</summary>
    public const string Count = "SELECT COUNT(*) FROM arbitrage_calls;";

    /// <summary>
    /// Seed 001, "Scénario 1" fix: <c>sqlite3 arbitrage_bot.db "CREATE TABLE IF NOT EXISTS arbitrage_calls (...)"</c>.
    /// The <c>(...)</c> is the seed's own elision (it is a syntax error as written); <see cref="CreateIfNotExists"/>
    /// fills it with seed 002's column list.
    /// </summary>
    public const string CreateIfNotExistsElided = "CREATE TABLE IF NOT EXISTS arbitrage_calls (...)";

    /// <summary>Seed 002, "RECOMMANDATION: CRÉER TABLE arbitrage_calls".</summary>
    public const string Create = """
CREATE TABLE arbitrage_calls (
    call_id TEXT PRIMARY KEY,
    call_type TEXT NOT NULL,  -- 'arbitrage', 'middle', 'good_ev'
    
    -- Match info
    sport TEXT,
    league TEXT,
    team_a TEXT,
    team_b TEXT,
    match_date TIMESTAMP,
    match_commence_time TIMESTAMP,
    
    -- Bookmakers
    bookmaker_a TEXT NOT NULL,
    bookmaker_b TEXT NOT NULL,
    market_type TEXT,
    
    -- Odds
    odds_a REAL NOT NULL,
    odds_b REAL NOT NULL,
    odds_a_decimal REAL,
    odds_b_decimal REAL,
    
    -- Stakes & profit
    recommended_stake_a REAL,
    recommended_stake_b REAL,
    total_stake REAL,
    expected_profit REAL,
    roi_percent REAL NOT NULL,
    
    -- Metadata
    alert_sent_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    expires_at TIMESTAMP,
    
    -- Tracking
    total_users_notified INTEGER DEFAULT 0,
    total_users_bet INTEGER DEFAULT 0,
    alert_clicked_count INTEGER DEFAULT 0,
    
    -- Result (filled later)
    actual_outcome TEXT,  -- 'a_won', 'b_won', 'push', 'unknown'
    actual_profit REAL,
    
    -- ML Features
    line_movement_speed TEXT,  -- 'fast', 'normal', 'slow'
    closing_line_a REAL,
    closing_line_b REAL,
    clv_a REAL,
    clv_b REAL,
    
    -- Source
    data_source TEXT,
    raw_data TEXT  -- JSON pour stocker tout
);
""";

    /// <summary>Seed 001's fix with its elision filled from seed 002.</summary>
    public static readonly string CreateIfNotExists = "CREATE TABLE IF NOT EXISTS" + Create["CREATE TABLE".Length..];

    /// <summary>Seed 002, "Phase 3: Tracker interactions" (the Python code binds the call id to <c>?</c>).</summary>
    public const string Click = """
        UPDATE arbitrage_calls 
        SET total_users_bet = total_users_bet + 1,
            alert_clicked_count = alert_clicked_count + 1
        WHERE call_id = ?
""";
}
