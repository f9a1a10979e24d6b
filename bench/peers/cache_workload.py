#!/usr/bin/python3
"""Writes the cache benchmark's workloads, so the C++ cache and the seed's CachedTool in
Python see exactly the same key sequence.

hot:   Zipf (s = 1.4) over 10,000 keys; the seed's algorithm with 1,000 entries hits ~93 %.
churn: uniform over 20,000 keys; ~5 % hits.
Each file is little-endian uint32 key numbers. Key n is the seed's cache key of {"query": n}:
sha256(json.dumps({"query": n}, sort_keys=True)).hexdigest().
Usage: cache_workload.py DIR [OPS]
"""
import array
import bisect
import itertools
import os
import random
import sys


def zipf(n, s, count, seed):
    weights = [1 / (i ** s) for i in range(1, n + 1)]
    total = sum(weights)
    cdf = list(itertools.accumulate(w / total for w in weights))
    rng = random.Random(seed)
    return [min(bisect.bisect_left(cdf, rng.random()), n - 1) for _ in range(count)]


def uniform(n, count, seed):
    rng = random.Random(seed)
    return [rng.randrange(n) for _ in range(count)]


def main():
    folder = sys.argv[1]
    ops = int(sys.argv[2]) if len(sys.argv) > 2 else 500_000
    os.makedirs(folder, exist_ok=True)
    for name, keys in (("hot", zipf(10_000, 1.4, ops, 1)), ("churn", uniform(20_000, ops, 2))):
        with open(os.path.join(folder, name + ".u32"), "wb") as out:
            array.array("I", keys).tofile(out)


if __name__ == "__main__":
    main()
