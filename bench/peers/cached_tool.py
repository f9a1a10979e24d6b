#!/usr/bin/python3
"""The seed's CachedTool algorithm, timed on a workload file from cache_workload.py.

The cache methods are the seed's (dict of {"value", "timestamp"}, expiry checked on get,
the oldest 10 % evicted by sorting when full, hit/miss/eviction counts). The timed loop is
the seed's execute() without asyncio and without computing the key: get, count, and put on a
miss. Prints {"ns_per_op", "hit_rate", "ops"}. Usage: cached_tool.py WORKLOAD.u32
"""
import array
import hashlib
import json
import sys
import time


class CachedTool:
    def __init__(self, cache_ttl=3600, max_cache_size=1000):
        self.cache_ttl = cache_ttl
        self.max_cache_size = max_cache_size
        self.cache = {}
        self.cache_stats = {"hits": 0, "misses": 0, "evictions": 0}

    def _get_from_cache(self, key):
        if key not in self.cache:
            return None
        entry = self.cache[key]
        if time.time() - entry["timestamp"] > self.cache_ttl:
            del self.cache[key]
            return None
        return entry["value"]

    def _set_cache(self, key, value):
        if len(self.cache) >= self.max_cache_size:
            self._evict_oldest()
        self.cache[key] = {"value": value, "timestamp": time.time()}

    def _evict_oldest(self):
        sorted_items = sorted(self.cache.items(), key=lambda x: x[1]["timestamp"])
        evict_count = max(1, len(sorted_items) // 10)
        for i in range(evict_count):
            key = sorted_items[i][0]
            del self.cache[key]
            self.cache_stats["evictions"] += 1

    def execute(self, cache_key, compute):
        cached_result = self._get_from_cache(cache_key)
        if cached_result is not None:
            self.cache_stats["hits"] += 1
            return cached_result
        self.cache_stats["misses"] += 1
        result = compute()
        self._set_cache(cache_key, result)
        return result


def seed_key(n):
    return hashlib.sha256(json.dumps({"query": n}, sort_keys=True, default=str).encode()).hexdigest()


def main():
    numbers = array.array("I")
    with open(sys.argv[1], "rb") as f:
        numbers.frombytes(f.read())
    keys = [seed_key(n) for n in range(max(numbers) + 1)]
    sequence = [keys[n] for n in numbers]
    tool = CachedTool()
    compute = lambda: "result"
    start = time.perf_counter_ns()
    for key in sequence:
        tool.execute(key, compute)
    elapsed = time.perf_counter_ns() - start
    stats = tool.cache_stats
    print(json.dumps({"ns_per_op": elapsed / len(sequence),
                      "hit_rate": stats["hits"] / (stats["hits"] + stats["misses"]),
                      "ops": len(sequence)}))


if __name__ == "__main__":
    main()
