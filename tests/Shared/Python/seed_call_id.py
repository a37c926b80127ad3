"""The seed's call-id function (seed 000, "GENERER CALL_ID", Option 1), copied unchanged, run on test inputs.

Reads one JSON array per line on stdin: [team_a, team_b, book_a, book_b, odds_a, odds_b, unix_seconds] and writes
one id per line. The seed reads the clock with datetime.now(); so that a test can choose the instant, the module's
`datetime` is a subclass whose now() returns that instant in the process's local zone (set TZ to choose the zone),
exactly what datetime.now() returns on a machine in that zone at that instant. Standard library only.
"""
import json
import sys
import hashlib
from datetime import datetime as _real_datetime

_instant = 0.0


class datetime(_real_datetime):
    @classmethod
    def now(cls, tz=None):
        return _real_datetime.fromtimestamp(_instant, tz)


# --- seed 000, verbatim ---
def generate_call_id(team_a, team_b, book_a, book_b, odds_a, odds_b):
    """Generate unique call ID"""
    unique_string = f"{team_a}_{team_b}_{book_a}_{book_b}_{odds_a}_{odds_b}_{datetime.now().strftime('%Y%m%d%H')}"
    return hashlib.md5(unique_string.encode()).hexdigest()[:16]
# --- end of seed code ---


for line in sys.stdin:
    if not line.strip():
        continue
    team_a, team_b, book_a, book_b, odds_a, odds_b, _instant = json.loads(line)
    print(generate_call_id(team_a, team_b, book_a, book_b, float(odds_a), float(odds_b)), flush=True)
