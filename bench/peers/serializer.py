#!/usr/bin/python3
"""The seed's OptimizedSerializer (json, or gzip-compressed pickle when JSON is more than 1.2x
larger), timed on the same typical tool results as bench_storage: encode plus decode, in
nanoseconds per round trip. The seed uses orjson; Debian 12 has only the standard json, which
DESIGN.md names as the reference. Usage: serializer.py TOOL_RESULTS.json [SECONDS]"""
import gzip
import json
import pickle
import sys
import time


def serialize_json(data):
    return json.dumps(data).encode()


def serialize_compressed(data):
    return gzip.compress(pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))


def choose_serialization(data):
    json_data = serialize_json(data)
    compressed = serialize_compressed(data)
    if len(json_data) <= len(compressed) * 1.2:
        return json_data, "json"
    return compressed, "compressed"


def deserialize(data, method):
    if method == "json":
        return json.loads(data)
    return pickle.loads(gzip.decompress(data))


def main():
    values = json.load(open(sys.argv[1]))
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    out = {}
    for name, value in values.items():
        rounds = 0
        start = time.perf_counter()
        while True:
            data, method = choose_serialization(value)
            assert deserialize(data, method) == value
            rounds += 1
            elapsed = time.perf_counter() - start
            if elapsed >= seconds:
                break
        out[name] = {"ns_per_round_trip": elapsed / rounds * 1e9, "form": method, "bytes": len(data)}
    print(json.dumps(out))


main()
