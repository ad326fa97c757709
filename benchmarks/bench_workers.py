"""Speed-up of `rasd extract --workers N`, and peak memory against the number of documents.

    .venv/bin/python benchmarks/bench_workers.py [--documents 4000] [--workers 1 2]
        [--repeat 3] [--words 200] [--lang ar] [--wait-idle SECONDS] [--sample-ms 250]

Writes synthetic articles (rasd's bench templates, as `rasd bench` makes them) as one JSON
Lines file of records for each --documents count (kept in the temporary folder for later
runs), then times `rasd extract -q --workers N FILE > /dev/null` in a fresh process,
--repeat times for each count and N, alternating the N so that what else the machine does
falls on each alike. For each run: documents a second (wall), the CPU seconds of the whole
process tree and CPU/wall (how many cores it had), the load average of the machine and the
cores the rest of the machine kept busy meanwhile ("others": other work that shared the cores
with the run, from /proc/stat; "sampler": this bench's own), and the peak memory of the
process tree, the sum of its processes' proportional set sizes (PSS: pages shared by forked
workers counted once), and the peak RSS of its largest process, sampled every --sample-ms
milliseconds (250: reading a process's PSS costs the kernel about 0.8 ms, so that sampling
three processes every 20 ms, as this bench did until December 2026, kept a sixth of a core
busy, which a run of two workers on two cores loses; the memory is flat, so a slower
sampling finds the same peak). rasd's compiled knowledge is kept in a cache folder of the
bench's own, built by a warm-up run. Then the speed-up of each N over the first, by the
medians, by the best runs (on a machine shared with other work, the best run of each is the
one least slowed by it) and by the median of each run's speed against that of the runs of
the first N on either side of it (the speed of this virtual machine's cores drifts by 10-20%
over minutes, with no other work of its own: neighbouring runs share the drift). With
--wait-idle S each run waits (up to S seconds) until the machine's cores have been idle for
five seconds. For flat memory, compare the peak of two counts:

    .venv/bin/python benchmarks/bench_workers.py --documents 1000 100000 --workers 1 --repeat 1
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from rasd.evaluation.bench.articles import ArticleWriter

FOLDER = Path(tempfile.gettempdir()) / "rasd-bench-workers"


def feed(language: str, documents: int, words: int, seed: int) -> Path:
    """The JSON Lines file of ``documents`` synthetic articles (written once)."""
    path = FOLDER / f"{language}-{documents}-{words}-{seed}.jsonl"
    if path.exists():
        return path
    FOLDER.mkdir(exist_ok=True)
    writer = ArticleWriter(language, seed=f"rasd-bench-workers:{seed}:{language}:{words}")
    partial = path.with_suffix(".partial")
    with partial.open("w", encoding="utf-8") as out:
        for number in range(documents):
            article = writer.article(words)
            record = {"doc_id": f"bench-{number}", "text": article.text(), "url": article.url}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    partial.rename(path)
    return path


def _tree(pid: int) -> list[int]:
    pids, found = [pid], []
    while pids:
        current = pids.pop()
        found.append(current)
        try:
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        pids.extend(int(child) for child in children)
    return found


def _kb(pid: int, file: str, field: str) -> int:
    """A figure in kB of /proc/PID/FILE (``Pss:`` of smaps_rollup, ``VmRSS:`` of status)."""
    try:
        for line in Path(f"/proc/{pid}/{file}").read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


class PeakMemory(threading.Thread):
    """The peak of the summed PSS of a process and its descendants, and the peak RSS of the
    largest of them, sampled."""

    def __init__(self, pid: int, every: float) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak_kb, self.largest_kb, self.running = pid, 0, 0, True
        self.every = every

    def run(self) -> None:
        while self.running:
            pids = _tree(self.pid)
            self.peak_kb = max(self.peak_kb, sum(_kb(p, "smaps_rollup", "Pss:") for p in pids))
            largest = max(_kb(p, "status", "VmRSS:") for p in pids)
            self.largest_kb = max(self.largest_kb, largest)
            time.sleep(self.every)


def _environment() -> dict[str, str]:
    """rasd's compiled knowledge in a folder of the bench's own: another rasd of other data
    files sharing ~/.cache/rasd would have it rebuilt (a second, and a peak of memory) in the
    middle of the figures."""
    return {**os.environ, "RASD_CACHE": str(FOLDER / "cache")}


def _busy_seconds() -> float:
    """The CPU seconds the machine's cores have been busy since it started (/proc/stat)."""
    fields = [int(f) for f in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle and waiting for input or output
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def wait_idle(seconds: float) -> float:
    """Wait (up to ``seconds``) until the cores have been idle (under a tenth of one core
    busy) for five seconds; the seconds waited."""
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        before = _busy_seconds()
        time.sleep(5)
        if _busy_seconds() - before < 0.5:
            break
    return time.perf_counter() - started


def timed_run(path: Path, workers: int, sample_ms: float = 250) -> dict[str, float]:
    """One `rasd extract` of ``path`` in ``workers`` processes: its figures."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    own = resource.getrusage(resource.RUSAGE_SELF)
    load = os.getloadavg()[0]
    busy = _busy_seconds()
    started = time.perf_counter()
    command = [sys.executable, "-m", "rasd", "extract", "-q", "--workers", str(workers), str(path)]
    with subprocess.Popen(command, stdout=subprocess.DEVNULL, env=_environment()) as process:
        memory = PeakMemory(process.pid, sample_ms / 1000)
        memory.start()
        code = process.wait()
        memory.running = False
    wall = time.perf_counter() - started
    busy = _busy_seconds() - busy
    if code != 0:
        raise SystemExit(f"rasd extract exited with {code}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    mine = resource.getrusage(resource.RUSAGE_SELF)
    sampler = (mine.ru_utime - own.ru_utime) + (mine.ru_stime - own.ru_stime)
    return {
        "wall": wall,
        "cpu": cpu,
        "load": load,
        "others": max(0.0, busy - cpu - sampler) / wall,  # cores busy with other work
        "sampler": sampler / wall,  # cores busy in this process, sampling the memory
        "peak_mb": memory.peak_kb / 1024,
        "largest_process_mb": memory.largest_kb / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, nargs="+", default=[4000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--words", type=int, default=200)
    parser.add_argument("--lang", default="ar", choices=["ar", "en"])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--wait-idle", type=float, default=0, metavar="SECONDS")
    parser.add_argument("--sample-ms", type=float, default=250)
    args = parser.parse_args()
    print(f"cores: {os.cpu_count()}; python: {sys.version.split()[0]}")
    warm_up = feed(args.lang, 10, args.words, args.seed)
    subprocess.run(  # builds the compiled knowledge in the bench's own cache folder
        [sys.executable, "-m", "rasd", "extract", "-q", str(warm_up)],
        stdout=subprocess.DEVNULL,
        env=_environment(),
        check=True,
    )
    for documents in args.documents:
        path = feed(args.lang, documents, args.words, args.seed)
        print(f"\n{documents:,} {args.lang} articles of {args.words} words: {path}")
        rates: dict[int, list[float]] = {workers: [] for workers in args.workers}
        for repeat in range(args.repeat):
            for workers in args.workers:
                waited = wait_idle(args.wait_idle) if args.wait_idle else 0
                run = timed_run(path, workers, args.sample_ms)
                rates[workers].append(documents / run["wall"])
                print(
                    f"  workers {workers}  run {repeat + 1}: {documents / run['wall']:7.1f} docs/s"
                    f"  wall {run['wall']:6.1f} s  cpu {run['cpu']:6.1f} s"
                    f"  cpu/wall {run['cpu'] / run['wall']:4.2f}  load {run['load']:4.2f}"
                    f"  others {run['others']:4.2f}  sampler {run['sampler']:.2f}"
                    f"  peak {run['peak_mb']:5.0f} MB (PSS of the tree;"
                    f" largest process {run['largest_process_mb']:.0f} MB)"
                    + (f"  (waited {waited:.0f} s for idle cores)" if waited else ""),
                    flush=True,
                )
        if not args.repeat:
            continue
        base = rates[args.workers[0]]
        first, best = statistics.median(base), max(base)
        for workers in args.workers[1:]:
            median = statistics.median(rates[workers])
            # each run against the runs of the first N on either side of it
            beside = [
                rate / statistics.mean(base[i : i + 2]) for i, rate in enumerate(rates[workers])
            ]
            print(
                f"  speed-up of {workers} workers over {args.workers[0]}: {median / first:.2f}"
                f" by the medians, {max(rates[workers]) / best:.2f} by the best runs,"
                f" {statistics.median(beside):.2f} by the median of the runs against their"
                " neighbours"
            )


if __name__ == "__main__":
    main()
