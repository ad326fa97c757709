"""Where the time of `--workers N` goes: the CPU of the main process and of the worker
processes, against extraction in one process, on the same JSON Lines feed.

    .venv/bin/python benchmarks/worker_overhead.py FEED.jsonl [--workers 0 1 2] [--repeat 1]
        [--documents-path]

Each run reads the feed, extracts its documents and writes their JSON Lines to /dev/null, as
`rasd extract -q` does. 0 workers does all of it in this process; N > 0 runs `rasd extract
--workers N`'s way (rasd.extract_workers: the workers read, extract and write, this process
copies their output in order), or with --documents-path `rasd ingest --workers N`'s
(rasd.workers.extract_in_workers: this process reads the documents and writes the output,
the workers extract). For each: wall time, the main process's CPU (user + system) and its
children's, and both a document; the load average, and the cores that other work kept busy
meanwhile (from /proc/stat). Feeds of synthetic articles are written by
benchmarks/bench_workers.py (in the temporary folder's rasd-bench-workers/).
"""

from __future__ import annotations

import argparse
import os
import resource
import time
from pathlib import Path

from rasd.extract_workers import extract_to
from rasd.io.export import write_jsonl
from rasd.io.ingest import read_feed
from rasd.knowledge.resources import default_resources
from rasd.model import Document
from rasd.run_report import RunReport
from rasd.workers import Failure, extract_here, extract_in_workers


def _cpu(usage: resource.struct_rusage) -> float:
    return usage.ru_utime + usage.ru_stime


def _busy_seconds() -> float:
    """The CPU seconds the machine's cores have been busy since it started (/proc/stat)."""
    fields = [int(f) for f in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return (sum(fields[:8]) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")


def _documents(feed: str) -> list[Document]:
    return [d for d in read_feed(feed) if not isinstance(d, Exception)]


def run(feed: str, workers: int, documents_path: bool) -> None:
    with open(os.devnull, "w", encoding="utf-8") as out:
        if workers == 0:
            outcomes = (extract_here(d) for d in _documents(feed))
            write_jsonl((o for o in outcomes if not isinstance(o, Failure)), out)
        elif documents_path:
            outcomes = extract_in_workers(_documents(feed), workers)
            write_jsonl((o for o in outcomes if not isinstance(o, Failure)), out)
        else:
            extract_to([feed], "jsonl", out, RunReport(quiet=True), workers)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("feed")
    parser.add_argument("--workers", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--documents-path", action="store_true")
    args = parser.parse_args()
    default_resources()
    count = sum(1 for _ in read_feed(args.feed))
    for _ in range(args.repeat):
        for workers in args.workers:
            load, busy = os.getloadavg()[0], _busy_seconds()
            start, main_before = time.perf_counter(), _cpu(resource.getrusage(resource.RUSAGE_SELF))
            children_before = _cpu(resource.getrusage(resource.RUSAGE_CHILDREN))
            run(args.feed, workers, args.documents_path)
            wall = time.perf_counter() - start
            main_cpu = _cpu(resource.getrusage(resource.RUSAGE_SELF)) - main_before
            children = _cpu(resource.getrusage(resource.RUSAGE_CHILDREN)) - children_before
            others = max(0.0, _busy_seconds() - busy - main_cpu - children) / wall
            print(
                f"workers {workers}: wall {wall:5.1f} s  main CPU {main_cpu:5.1f} s"
                f" ({1000 * main_cpu / count:.2f} ms a document)  workers' CPU {children:5.1f} s"
                f" ({1000 * children / count:.2f} ms a document)  load {load:.2f}"
                f"  others {others:.2f} cores",
                flush=True,
            )


if __name__ == "__main__":
    main()
