"""Extraction speed and memory: documents per second through the whole pipeline.

    .venv/bin/python benchmarks/bench_extract.py [FOLDER] [--rounds N]

FOLDER defaults to ../shared/eval/dev when it is there, else the bundled samples. Every
.txt/.html file in it is ingested once; extraction then runs over all of them ``rounds``
times. Prints load time, documents and characters per second, per-document latency
percentiles and the peak resident memory of the process.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
from pathlib import Path

from rasd.cli import sample_paths
from rasd.io.ingest import IngestError, read_path
from rasd.knowledge.resources import Resources
from rasd.pipeline import process

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "dev"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    folder = args.folder or (DEFAULT if DEFAULT.is_dir() else None)
    paths = (
        sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".html"))
        if folder
        else sample_paths()
    )
    docs = []
    for path in paths:
        try:
            docs.extend(read_path(path))
        except IngestError as err:
            print(f"skipped {err}")
    started = time.perf_counter()
    resources = Resources.load()
    load = time.perf_counter() - started
    latencies = []
    events = 0
    for _ in range(args.rounds):
        for doc in docs:
            t0 = time.perf_counter()
            events += len(process(doc, resources).events)
            latencies.append(time.perf_counter() - t0)
    total = sum(latencies)
    chars = sum(len(d.text) for d in docs) * args.rounds
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    q = statistics.quantiles(latencies, n=100)
    print(f"source: {folder or 'bundled samples'} ({len(docs)} documents x {args.rounds} rounds)")
    print(f"load dictionaries and gazetteer: {load:.2f} s")
    print(f"documents/s: {len(latencies) / total:.1f}   characters/s: {chars / total:,.0f}")
    print(f"latency per document: median {q[49] * 1000:.0f} ms, p95 {q[94] * 1000:.0f} ms")
    print(f"events per round: {events // args.rounds}")
    print(f"peak resident memory: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
