#!/usr/bin/python3
"""The seed's PerformanceMonitor.collect_metrics() with Debian's python3-psutil, timed.

Prints one JSON object: {"ns_per_op": ..., "iterations": ...}. Run with /usr/bin/python3,
which sees python3-psutil (a python3 earlier on PATH may not).
"""
import json
import sys
import time
from dataclasses import dataclass
from typing import List

import psutil


@dataclass
class PerformanceMetrics:
    timestamp: float
    cpu_percent: float
    memory_rss: int
    memory_percent: float
    disk_io_read: int
    disk_io_write: int
    network_sent: int
    network_recv: int


class PerformanceMonitor:
    """Verbatim from the seed, except that history is bounded so a long run stays flat."""

    def __init__(self):
        self.metrics_history: List[PerformanceMetrics] = []
        self.process = psutil.Process()
        self.initial_io = self.process.io_counters()
        self.initial_net = psutil.net_io_counters()

    def collect_metrics(self) -> PerformanceMetrics:
        current_io = self.process.io_counters()
        current_net = psutil.net_io_counters()
        metrics = PerformanceMetrics(
            timestamp=time.time(),
            cpu_percent=self.process.cpu_percent(),
            memory_rss=self.process.memory_info().rss,
            memory_percent=self.process.memory_percent(),
            disk_io_read=current_io.read_bytes - self.initial_io.read_bytes,
            disk_io_write=current_io.write_bytes - self.initial_io.write_bytes,
            network_sent=current_net.bytes_sent - self.initial_net.bytes_sent,
            network_recv=current_net.bytes_recv - self.initial_net.bytes_recv,
        )
        self.metrics_history.append(metrics)
        if len(self.metrics_history) > 86400:
            del self.metrics_history[0]
        return metrics


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 2.0
    monitor = PerformanceMonitor()
    for _ in range(200):  # warm up
        monitor.collect_metrics()
    iterations = 0
    start = time.perf_counter_ns()
    deadline = start + int(seconds * 1e9)
    while time.perf_counter_ns() < deadline:
        for _ in range(100):
            monitor.collect_metrics()
        iterations += 100
    elapsed = time.perf_counter_ns() - start
    print(json.dumps({"ns_per_op": elapsed / iterations, "iterations": iterations}))


if __name__ == "__main__":
    main()
