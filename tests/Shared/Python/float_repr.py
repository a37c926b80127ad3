"""Prints repr(float(line)) for each line on stdin: Python's own float text, the reference for PythonFloat.Repr."""
import sys

for line in sys.stdin:
    if line.strip():
        print(repr(float(line)))
