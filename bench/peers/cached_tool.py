#!/usr/bin/python3
"""The seed's CachedTool, timed on a workload file from cache_workload.py.

The class below is the seed's (docs' caching_tool.py), copied line for line: only BaseTool
and logger are stubbed, as the seed imports them from spoon_ai. The driver does what the
seed's execute() does once it has a key, with no asyncio and no key making (the C++ side
times neither): _get_from_cache, count a hit or a miss, and _set_cache on a miss.
Prints {"ns_per_op", "hit_rate", "ops"}. Usage: cached_tool.py WORKLOAD.u32
"""
import array
import asyncio
import hashlib
import json
import time
from typing import Any, Dict, Optional


class BaseTool:
    pass


class _Logger:
    def debug(self, *args, **kwargs):
        pass


logger = _Logger()


# --- the seed's CachedTool, verbatim ---
class CachedTool(BaseTool):
    """Tool with intelligent caching"""

    def __init__(self, cache_ttl: int = 3600, max_cache_size: int = 1000):
        self.cache_ttl = cache_ttl
        self.max_cache_size = max_cache_size
        self.cache: Dict[str, Dict] = {}
        self.cache_stats = {
            "hits": 0,
            "misses": 0,
            "evictions": 0
        }

    async def execute(self, **kwargs) -> Any:
        """Execute with caching"""
        # Generate cache key
        cache_key = self._generate_cache_key(**kwargs)

        # Check cache
        cached_result = self._get_from_cache(cache_key)
        if cached_result is not None:
            self.cache_stats["hits"] += 1
            logger.debug("Cache hit", tool=self.name, cache_key=cache_key[:8])
            return cached_result

        # Cache miss - execute tool
        self.cache_stats["misses"] += 1
        logger.debug("Cache miss", tool=self.name, cache_key=cache_key[:8])

        result = await self._execute_impl(**kwargs)

        # Store in cache
        self._set_cache(cache_key, result)

        return result

    def _generate_cache_key(self, **kwargs) -> str:
        """Generate deterministic cache key"""
        # Sort kwargs for consistent key generation
        key_data = json.dumps(kwargs, sort_keys=True, default=str)
        return hashlib.sha256(key_data.encode()).hexdigest()

    def _get_from_cache(self, key: str) -> Optional[Any]:
        """Get value from cache if not expired"""
        if key not in self.cache:
            return None

        entry = self.cache[key]
        if time.time() - entry["timestamp"] > self.cache_ttl:
            # Expired - remove from cache
            del self.cache[key]
            return None

        return entry["value"]

    def _set_cache(self, key: str, value: Any):
        """Set value in cache with eviction"""
        # Evict oldest entries if cache is full
        if len(self.cache) >= self.max_cache_size:
            self._evict_oldest()

        self.cache[key] = {
            "value": value,
            "timestamp": time.time()
        }

    def _evict_oldest(self):
        """Evict oldest cache entries"""
        # Sort by timestamp and remove oldest 10%
        sorted_items = sorted(
            self.cache.items(),
            key=lambda x: x[1]["timestamp"]
        )

        evict_count = max(1, len(sorted_items) // 10)
        for i in range(evict_count):
            key = sorted_items[i][0]
            del self.cache[key]
            self.cache_stats["evictions"] += 1

    def get_cache_stats(self) -> Dict:
        """Get cache performance statistics"""
        total_requests = self.cache_stats["hits"] + self.cache_stats["misses"]
        hit_rate = self.cache_stats["hits"] / total_requests if total_requests > 0 else 0

        return {
            "cache_size": len(self.cache),
            "max_cache_size": self.max_cache_size,
            "hit_rate": hit_rate,
            "total_requests": total_requests,
            **self.cache_stats
        }
# --- end of the seed's code ---


def seed_key(n):
    return hashlib.sha256(json.dumps({"query": n}, sort_keys=True, default=str).encode()).hexdigest()


def main():
    import sys
    numbers = array.array("I")
    with open(sys.argv[1], "rb") as f:
        numbers.frombytes(f.read())
    keys = [seed_key(n) for n in range(max(numbers) + 1)]
    sequence = [keys[n] for n in numbers]
    tool = CachedTool()
    result = "result"
    get, put, stats = tool._get_from_cache, tool._set_cache, tool.cache_stats
    start = time.perf_counter_ns()
    for key in sequence:
        cached_result = get(key)
        if cached_result is not None:
            stats["hits"] += 1
            continue
        stats["misses"] += 1
        put(key, result)
    elapsed = time.perf_counter_ns() - start
    print(json.dumps({"ns_per_op": elapsed / len(sequence),
                      "hit_rate": tool.get_cache_stats()["hit_rate"],
                      "ops": len(sequence)}))


if __name__ == "__main__":
    main()
