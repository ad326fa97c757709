"""Where the time of `--workers N` goes: the CPU of the main process and of the worker
processes, against extraction in one process, on the same JSON Lines feed.

    .venv/bin/python benchmarks/worker_overhead.py FEED.jsonl [--workers 0 1 2]

0 workers extracts in this process (as `rasd extract` without --workers); N > 0 uses
rasd.workers with N processes. For each: wall time, the main process's CPU (user + system)
and its children's, and the children's CPU a document. Feeds of synthetic articles are
written by benchmarks/bench_workers.py (in the temporary folder's rasd-bench-workers/).
"""

from __future__ import annotations

import argparse
import resource
import time

from rasd.io.ingest import read_feed
from rasd.knowledge.resources import default_resources
from rasd.pipeline import process
from rasd.workers import extract_in_workers


def _cpu(usage: resource.struct_rusage) -> float:
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("feed")
    parser.add_argument("--workers", type=int, nargs="+", default=[0, 1, 2])
    args = parser.parse_args()
    default_resources()
    documents = [d for d in read_feed(args.feed) if not isinstance(d, Exception)]
    for workers in args.workers:
        start, main_before = time.perf_counter(), _cpu(resource.getrusage(resource.RUSAGE_SELF))
        children_before = _cpu(resource.getrusage(resource.RUSAGE_CHILDREN))
        if workers == 0:
            for document in documents:
                process(document)
        else:
            for _ in extract_in_workers(documents, workers):
                pass
        wall = time.perf_counter() - start
        main_cpu = _cpu(resource.getrusage(resource.RUSAGE_SELF)) - main_before
        children = _cpu(resource.getrusage(resource.RUSAGE_CHILDREN)) - children_before
        per_doc = 1000 * (children if workers else main_cpu) / len(documents)
        print(
            f"workers {workers}: wall {wall:5.1f} s  main CPU {main_cpu:5.1f} s  workers' CPU"
            f" {children:5.1f} s  extraction CPU a document {per_doc:.2f} ms"
        )


if __name__ == "__main__":
    main()
