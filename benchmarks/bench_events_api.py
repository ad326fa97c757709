"""The desk's API under filters: p50/p95 latency of GET /api/events over HTTP, against
`rasd serve` running in its own process (uvicorn), on a store of 100,000 events.

    .venv/bin/python benchmarks/bench_events_api.py [--store PATH] [--events 100000]
        [--runs 20] [--json]

The store is built first when PATH does not exist (benchmarks/desk_store.py: synthetic
documents of five events each); building 100,000 events takes minutes, so keep PATH between
runs. Each query of the mix (no filter, a month, a bounding box, a country and a type, an
actor, Arabic-free text search, all at once; a page of 100 events with the total) is asked
``runs`` times after one warm-up, over one kept-alive connection, and timed from the request
to the last byte of the answer.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))
from desk_store import build_store  # noqa: E402  (benchmarks/ is not a package)

QUERIES: dict[str, dict[str, str]] = {
    "no filter": {},
    "a month": {"date_from": "2023-06-01", "date_to": "2023-06-30"},
    "a bounding box": {"bbox": "35.5,35.0,37.5,36.5"},
    "country and type": {"country": "Syria", "event_type": "Battles"},
    "an actor": {"actor": "democratic forces"},
    "text": {"q": "checkpoint"},
    "all at once": {
        "date_from": "2023-01-01",
        "date_to": "2023-12-31",
        "bbox": "35.0,32.0,41.0,37.0",
        "country": "Syria",
        "event_type": "Explosions/Remote violence",
        "actor": "syria",
        "q": "market",
    },
}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for(port: int, server: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"rasd serve stopped at start (exit {server.returncode})")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"rasd serve did not answer on port {port} in {seconds:.0f} s")


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(port: int, runs: int) -> dict[str, dict[str, float]]:
    """p50 and p95, in milliseconds, of each query and of all of them."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    found: dict[str, dict[str, float]] = {}
    every: list[float] = []
    for name, params in QUERIES.items():
        path = "/api/events?" + urlencode({**params, "limit": "100"})
        times = []
        for run in range(runs + 1):
            start = time.perf_counter()
            connection.request("GET", path)
            answer = connection.getresponse()
            body = answer.read()
            elapsed = (time.perf_counter() - start) * 1000
            if answer.status != 200:
                raise SystemExit(f"{path}: {answer.status} {body[:200]!r}")
            if run:  # the first is a warm-up
                times.append(elapsed)
        total = json.loads(body)["total"]
        every += times
        found[name] = {
            "p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(_percentile(times, 0.95), 1),
            "matching": total,
        }
    connection.close()
    found["all queries"] = {
        "p50_ms": round(statistics.median(every), 1),
        "p95_ms": round(_percentile(every, 0.95), 1),
    }
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", help="the store (built when missing; default: a temporary)")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory()
    store = args.store or str(Path(folder.name) / "desk.sqlite")
    if not Path(store).exists():
        print(f"building {store} with {args.events:,} events...", file=sys.stderr, flush=True)
        build_store(store, args.events)
    port = _free_port()
    env = {**os.environ, "RASD_DESK_TOKEN": "bench"}
    command = [sys.executable, "-m", "rasd", "serve", "--db", store, "--port", str(port)]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    try:
        _wait_for(port, server)
        report = measure(port, args.runs)
    finally:
        server.terminate()
        server.wait(10)
        folder.cleanup()
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"GET /api/events over HTTP (rasd serve, uvicorn), {args.runs} runs each, page of 100")
    for name, figures in report.items():
        matching = f"  ({figures['matching']:,} matching)" if "matching" in figures else ""
        p50, p95 = figures["p50_ms"], figures["p95_ms"]
        print(f"{name:>18}: p50 {p50:7.1f} ms  p95 {p95:7.1f} ms{matching}")


if __name__ == "__main__":
    main()
