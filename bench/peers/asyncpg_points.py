#!/usr/bin/python3
"""The seed's DatabasePool (asyncpg) doing what bench_storage pg-points does on the same
server: point queries by primary key from 8 workers over 8 pooled connections.
Usage: asyncpg_points.py URL QUERIES"""
import asyncio
import json
import sys
import time

import asyncpg


async def main():
    url, total = sys.argv[1], int(sys.argv[2])
    pool = await asyncpg.create_pool(url, min_size=8, max_size=8,
                                     server_settings={"jit": "off", "application_name": "spoon_ai"})
    async with pool.acquire() as connection:
        rows = await connection.fetchval("SELECT COUNT(*) FROM bench_points")
    per_worker = total // 8

    async def worker(index):
        for i in range(per_worker):
            key = (index * per_worker + i) % rows + 1
            async with pool.acquire() as connection:
                [dict(row) for row in await connection.fetch(
                    "SELECT id, payload FROM bench_points WHERE id = $1", key)]

    start = time.perf_counter()
    await asyncio.gather(*(worker(i) for i in range(8)))
    elapsed = time.perf_counter() - start
    await pool.close()
    print(json.dumps({"queries_per_second": per_worker * 8 / elapsed}))


asyncio.run(main())
