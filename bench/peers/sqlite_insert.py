#!/usr/bin/python3
"""The reference for bench_storage sqlite-insert: Python's own sqlite3 module writing the same
200,000 metric rows into the same table (the store's schema for metric_rollups, WAL,
synchronous=NORMAL) in transactions of 10,000, with executemany. Prints rows per second as
JSON. Usage: sqlite_insert.py DIR"""
import json
import os
import sqlite3
import sys
import time

ROWS = 200_000
BATCH = 10_000


def main():
    path = os.path.join(sys.argv[1], "insert-python.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("PRAGMA foreign_keys=ON")
    db.execute("CREATE TABLE metric_rollups (name TEXT NOT NULL, minute_ms INTEGER NOT NULL,"
               " avg_value REAL, min_value REAL, max_value REAL,"
               " PRIMARY KEY (name, minute_ms)) WITHOUT ROWID")
    batches = [[(f"metric_{n % 8}", n * 60000, n * 0.5, n * 0.25, n * 1.0)
                for n in range(b * BATCH, (b + 1) * BATCH)] for b in range(ROWS // BATCH)]
    start = time.perf_counter()
    for rows in batches:
        db.execute("BEGIN")
        db.executemany("INSERT INTO metric_rollups (name, minute_ms, avg_value, min_value,"
                       " max_value) VALUES (?, ?, ?, ?, ?)", rows)
        db.execute("COMMIT")
    seconds = time.perf_counter() - start
    db.close()
    print(json.dumps({"rows": ROWS, "rows_per_second": ROWS / seconds}))


if __name__ == "__main__":
    main()
