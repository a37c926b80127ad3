"""Inserts calls into arbitrage_calls the way the seed's Python logger does, with the standard sqlite3 module.

Usage: python_rows.py DB_PATH. Reads one JSON array per line on stdin: [call_id, call_type, hours_ago]; hours_ago
null leaves alert_sent_at to the column default (CURRENT_TIMESTAMP), a number writes str(datetime) of that many hours
before now in UTC, the text Python's sqlite3 datetime adapter writes ('YYYY-MM-DD HH:MM:SS.ffffff').
"""
import json
import sqlite3
import sys
from datetime import datetime, timedelta, timezone

connection = sqlite3.connect(sys.argv[1])
for line in sys.stdin:
    if not line.strip():
        continue
    call_id, call_type, hours_ago = json.loads(line)
    columns = ["call_id", "call_type", "sport", "team_a", "team_b", "bookmaker_a", "bookmaker_b", "odds_a", "odds_b",
               "roi_percent", "total_users_notified", "data_source"]
    values = [call_id, call_type, "soccer_epl", "Arsenal", "Chelsea", "bet365", "unibet", 2.1, 2.0, 2.4, 5, "python_bot"]
    if hours_ago is not None:
        columns.append("alert_sent_at")
        values.append(str(datetime.now(timezone.utc).replace(tzinfo=None) - timedelta(hours=hours_ago)))
    connection.execute(
        f"INSERT INTO arbitrage_calls ({', '.join(columns)}) VALUES ({', '.join('?' for _ in values)})", values)
    connection.commit()
connection.close()
