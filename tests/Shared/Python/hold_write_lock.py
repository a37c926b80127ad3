"""Holds SQLite's write lock from another process, as a second bot or an operator's open transaction would.

Usage: hold_write_lock.py DB_PATH SECONDS. Standard library only (sqlite3). Takes the lock with BEGIN IMMEDIATE,
prints "locked", holds it for SECONDS (0: until stdin closes), rolls back and prints "released".
"""
import sqlite3
import sys
import time

db_path, seconds = sys.argv[1], float(sys.argv[2])
connection = sqlite3.connect(db_path, timeout=60, isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
if seconds > 0:
    time.sleep(seconds)
else:
    sys.stdin.read()
connection.execute("ROLLBACK")
connection.close()
print("released", flush=True)
