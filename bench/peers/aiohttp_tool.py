#!/usr/bin/python3
"""The seed's AsyncHTTPTool (aiohttp, pool 100, 30 per host, 10 at a time), timed on a fan-out
of N GETs to one URL. Prints {"requests_per_second", "requests", "errors"}.
Usage: aiohttp_tool.py URL [N] [ROUNDS]
"""
import asyncio
import json
import sys
import time
from typing import Dict, List

import aiohttp


class AsyncHTTPTool:
    """Verbatim from the seed, without the BaseTool base class."""

    name = "async_http_tool"

    def __init__(self):
        self.session = None
        self.connector = None

    async def __aenter__(self):
        self.connector = aiohttp.TCPConnector(
            limit=100, limit_per_host=30, ttl_dns_cache=300, use_dns_cache=True,
            keepalive_timeout=30, enable_cleanup_closed=True)
        timeout = aiohttp.ClientTimeout(total=30, connect=10)
        self.session = aiohttp.ClientSession(connector=self.connector, timeout=timeout,
                                             headers={'User-Agent': 'SpoonOS/1.0'})
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        if self.session:
            await self.session.close()
        if self.connector:
            await self.connector.close()

    async def execute(self, urls: List[str], method: str = "GET", **kwargs) -> List[Dict]:
        if not self.session:
            async with self:
                return await self._make_requests(urls, method, **kwargs)
        return await self._make_requests(urls, method, **kwargs)

    async def _make_requests(self, urls: List[str], method: str, **kwargs) -> List[Dict]:
        semaphore = asyncio.Semaphore(10)

        async def make_request(url: str) -> Dict:
            async with semaphore:
                try:
                    async with self.session.request(method, url, **kwargs) as response:
                        return {"url": url, "status": response.status, "data": await response.text(),
                                "headers": dict(response.headers)}
                except Exception as e:
                    return {"url": url, "error": str(e), "status": 0}

        tasks = [make_request(url) for url in urls]
        results = await asyncio.gather(*tasks, return_exceptions=True)
        return [r for r in results if not isinstance(r, Exception)]


async def main():
    url = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    async with AsyncHTTPTool() as tool:
        await tool.execute([url] * 200)  # warm the pool
        best = 0.0
        errors = 0
        for _ in range(rounds):
            start = time.perf_counter()
            results = await tool.execute([url] * count)
            elapsed = time.perf_counter() - start
            errors += sum(1 for r in results if r.get("status") != 200)
            best = max(best, count / elapsed)
    print(json.dumps({"requests_per_second": best, "requests": count, "errors": errors}))


if __name__ == "__main__":
    asyncio.run(main())
