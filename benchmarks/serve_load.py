"""Load on ``appcheck serve``, over loopback only: N requests at concurrency C against ``POST /v1/validate``.

    pip install -e '.[serve,test]'        # uvicorn, starlette; httpx2 as the client
    python benchmarks/serve_load.py       # 2,000 requests at concurrency 8, stops after --timeout seconds

Starts ``appcheck serve`` in its own process on a free port of 127.0.0.1 (nothing else is contacted),
sends bundles from benchmarks/generate.py (valid, failing a rule and failing the schema, mixed, every
topic; the bundle's own ``submitted_on`` decides dates) from C client threads, each with one kept-alive
connection, and prints the latency percentiles (wall clock from sending to the whole answer), the
throughput, every answer that was not 200 (errors, 0 expected) and the server's resident memory
(``VmRSS`` and ``VmHWM`` of /proc) after start-up, after a warm-up of one request a topic, and at the
end. Bounded in count and in time: the run stops at ``--timeout`` seconds whatever is left.
"""

from __future__ import annotations

import argparse
import os
import platform
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _memory(pid: int) -> dict:
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            fields[name] = int(value.split()[0]) / 1024  # MiB
    return fields


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="load on appcheck serve over 127.0.0.1")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--timeout", type=float, default=300, help="stop after this many seconds (default 300)")
    args = parser.parse_args(argv)
    import httpx2

    made = list(generate.bundles(200))
    bodies = [text.encode("utf-8") for _, text, _ in made]
    kinds = [kind.split(":")[0] for _, _, kind in made]
    port = _free_port()
    url = f"http://127.0.0.1:{port}/v1/validate"
    server = subprocess.Popen([sys.executable, "-m", "appcheck", "serve", "--port", str(port), "--max-concurrent", str(max(16, args.concurrency))],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx2.get(f"http://127.0.0.1:{port}/v1/topics", timeout=5)
                break
            except httpx2.TransportError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("the server did not start")
                time.sleep(0.1)
        started = _memory(server.pid)
        with httpx2.Client(timeout=30) as client:  # warm-up: each of the bundles once, so every topic's caches are filled
            for body in bodies:
                client.post(url, content=body, headers={"content-type": "application/json"})
        warm = _memory(server.pid)

        latencies: list[float] = []
        statuses: dict[int, int] = {}
        lock = threading.Lock()
        counter = iter(range(args.requests))
        stop_at = time.monotonic() + args.timeout

        def worker() -> None:
            with httpx2.Client(timeout=30) as client:
                while time.monotonic() < stop_at:
                    with lock:
                        index = next(counter, None)
                    if index is None:
                        return
                    body = bodies[index % len(bodies)]
                    began = time.perf_counter()
                    try:
                        status = client.post(url, content=body, headers={"content-type": "application/json"}).status_code
                    except httpx2.HTTPError:
                        status = -1
                    spent = time.perf_counter() - began
                    with lock:
                        latencies.append(spent)
                        statuses[status] = statuses.get(status, 0) + 1

        began = time.perf_counter()
        threads = [threading.Thread(target=worker) for _ in range(args.concurrency)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - began
        end = _memory(server.pid)
    finally:
        server.terminate()
        server.wait(15)

    done = len(latencies)
    errors = done - statuses.get(200, 0)
    print(f"machine: {platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} CPUs, {platform.platform()}")
    print(f"requests: {done} of {args.requests} at concurrency {args.concurrency} over 127.0.0.1, in {wall:.1f} s "
          f"({done / wall:.0f} requests/s); bundles: {kinds.count('valid')} valid, "
          f"{kinds.count('rules')} failing a rule, {kinds.count('schema')} failing the schema of {len(bodies)} cycled")
    print(f"latency ms: p50 {_percentile(latencies, 0.50) * 1000:.1f}, p90 {_percentile(latencies, 0.90) * 1000:.1f}, "
          f"p99 {_percentile(latencies, 0.99) * 1000:.1f}, max {max(latencies) * 1000:.1f}, mean {statistics.fmean(latencies) * 1000:.1f}")
    print(f"answers: {dict(sorted(statuses.items()))}; errors (not 200): {errors}")
    print(f"server memory MiB (RSS / peak RSS): started {started['VmRSS']:.1f} / {started['VmHWM']:.1f}, "
          f"after warm-up {warm['VmRSS']:.1f} / {warm['VmHWM']:.1f}, after the load {end['VmRSS']:.1f} / {end['VmHWM']:.1f}")
    return 0 if errors == 0 and done == args.requests else 1


if __name__ == "__main__":
    raise SystemExit(main())
