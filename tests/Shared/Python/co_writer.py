"""The seed's Python bot writing to arbitrage_calls while SafeCallLogger writes to the same file.

Usage: co_writer.py DB_PATH CALLS. Standard library only (sqlite3). Creates the table with seed 002's exact SQL,
prints "ready", waits for a line on stdin (the test starts the .NET logger then), then inserts CALLS calls the way the
seed's logger does (alert_sent_at from the column default, CURRENT_TIMESTAMP) and increments clicks with seed 002's
exact UPDATE, on its own calls and on calls the .NET logger stored. Every `database is locked` that reaches Python
(after sqlite3's own busy timeout) is counted, never retried. Prints one JSON summary line at the end.
"""
import json
import random
import sqlite3
import sys

db_path, calls = sys.argv[1], int(sys.argv[2])
BUSY_TIMEOUT_S = 5.0  # sqlite3.connect's default, spelled out

# seed 002, "RECOMMANDATION: CRÉER TABLE arbitrage_calls", verbatim
CREATE = """
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
"""

# seed 002, "Phase 3: Tracker interactions", verbatim (the seed passes call_id bare; sqlite3 needs a sequence)
CLICK = """
        UPDATE arbitrage_calls 
        SET total_users_bet = total_users_bet + 1,
            alert_clicked_count = alert_clicked_count + 1
        WHERE call_id = ?
    """

INSERT = """
    INSERT INTO arbitrage_calls (call_id, call_type, sport, team_a, team_b, bookmaker_a, bookmaker_b,
                                 odds_a, odds_b, roi_percent, recommended_stake_a, recommended_stake_b,
                                 total_users_notified, data_source)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""

connection = sqlite3.connect(db_path, timeout=BUSY_TIMEOUT_S)
connection.executescript(CREATE)
connection.commit()
print("ready", flush=True)
sys.stdin.readline()

rng = random.Random(13)
locked = 0
other_errors = []
inserted = []
clicks_applied = 0
users_notified = 0


def run(sql, params):
    """One statement in its own transaction; True when committed."""
    global locked
    try:
        cursor = connection.execute(sql, params)
        connection.commit()
        return cursor.rowcount
    except sqlite3.OperationalError as error:
        connection.rollback()
        if "locked" in str(error) or "busy" in str(error):
            locked += 1
        else:
            other_errors.append(str(error))
        return None


for i in range(calls):
    call_id = "py%014d" % i
    notified = rng.randint(1, 40)
    if run(INSERT, (call_id, rng.choice(["arbitrage", "middle", "good_ev"]), "soccer_epl", "Arsenal", "Chelsea",
                    "bet365", "unibet", 2.1, 2.0, 2.4, 50.0, 50.0, notified, "python_bot")) == 1:
        inserted.append(call_id)
        users_notified += notified
    if inserted and i % 2 == 0:
        clicks_applied += run(CLICK, (rng.choice(inserted),)) or 0
    if i % 3 == 0:
        row = connection.execute(
            "SELECT call_id FROM arbitrage_calls WHERE data_source = 'dotnet' ORDER BY random() LIMIT 1").fetchone()
        if row is not None:
            clicks_applied += run(CLICK, (row[0],)) or 0

connection.close()
print(json.dumps({"inserted": inserted, "clicks_applied": clicks_applied, "users_notified": users_notified,
                  "locked": locked, "other_errors": other_errors}), flush=True)
