"""Holds SQLite's write lock from another process, as a second bot or an operator's open transaction would.

Usage: hold_write_lock.py DB_PATH SECONDS [immediate|exclusive]. Standard library only (sqlite3). Takes the lock with
BEGIN IMMEDIATE (the default; writers wait) or BEGIN EXCLUSIVE (in a rollback-journal database readers wait too),
prints "locked", holds it for SECONDS (0: until stdin closes), rolls back and prints "released".
"""
import sqlite3
import sys
import time

db_path, seconds = sys.argv[1], float(sys.argv[2])
mode = sys.argv[3].upper() if len(sys.argv) > 3 else "IMMEDIATE"
connection = sqlite3.connect(db_path, timeout=60, isolation_level=None)
connection.execute("BEGIN " + mode)
print("locked", flush=True)
if seconds > 0:
    time.sleep(seconds)
else:
    sys.stdin.read()
connection.execute("ROLLBACK")
connection.close()
print("released", flush=True)
