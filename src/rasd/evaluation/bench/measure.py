"""Timing rasd on the bench's articles, one path (language and form) at a time.

What is measured, for each path (Arabic and English; text and HTML)
    articles/s and MB/s
        N documents through rasd's whole path from the raw string to events:
        ``document_from_text`` (or ``document_from_html``) and then ``rasd.pipeline.process``,
        one after the other in one process (one core). MB are the UTF-8 bytes of the raw
        strings (for pages, the whole page). Timed after the dictionaries and gazetteer are
        loaded and one document has gone through. CPU time is taken too: CPU/wall well
        under 100% means that other processes took the core and the speeds are low.
    start-up
        Each path runs in a fresh ``python -c`` process. Its start-up is the wall time from
        starting the process to the events of its first (small) document: importing rasd,
        loading the dictionaries and gazetteer, extracting one document: the median of three
        such processes (the measuring one and two that stop there). The start-up of a
        bare interpreter (``python -c pass``, median of 5) is subtracted; both are reported.
    peak memory
        The peak resident set size (``ru_maxrss``) of that fresh process after the whole
        workload of the path.

Floors, on the same documents in the same fresh process
    trafilatura: ``trafilatura.bare_extraction`` on the HTML pages with the options rasd's
    ingestion uses; regex: ``re.findall(r"\\w+", text)`` on the plain texts. rasd's speed is
    given as a ratio to its floor (HTML path / trafilatura, text path / regex): how much of
    the floor's speed rasd keeps. A floor is timed over whole passes, repeated for at least
    a quarter of a second, just before and just after rasd's pass (the mean of the two), so
    that the machine's changing speed moves both alike.

Compiled knowledge and bytecode
    Before the paths, rasd's modules are compiled to bytecode (``.pyc``), as installing a
    package does, so that no start-up includes compiling them even where
    ``PYTHONDONTWRITEBYTECODE`` is set; where the files cannot be written the report says so.
    Then one fresh process loads rasd's knowledge: the time it takes is that of building it
    when the data or the code changed since the last run (else of reading it), so that no
    path's start-up includes a build.

Length scaling
    The time per document of 400-word Arabic texts and of 16 times longer (6,400-word) ones
    from the same templates, in the calling process: N short ones (4 to 40) and an eighth as
    many long ones (at least one; no more once 6 s have gone). The ratio long / short is 16
    for a cost linear in length.
"""

from __future__ import annotations

import compileall
import contextlib
import io
import json
import os
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import rasd
from rasd.evaluation.bench.articles import bench_articles
from rasd.evaluation.bench.pages import raw_documents

SCALING_WORDS = (400, 6400)
FIRST_DOCUMENT_WORDS = 100
FLOOR_MIN_SECONDS = 0.25  # a floor is timed over repeated passes until this much time passed
SCALING_LONG_BUDGET_SECONDS = 6.0  # stop timing long documents after this (at least one)
STARTUP_RUNS = 3  # fresh processes whose start-up is taken, the median reported


class BenchError(Exception):
    """A measurement could not be made; ``str()`` says which and why, in one line."""


def _peak_rss_mb() -> float:
    import resource  # Unix only: imported where it is used so that rasd's CLI loads anywhere

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1e6 if sys.platform == "darwin" else peak * 1024 / 1e6  # bytes vs KiB


def extract_documents(raws: Sequence[str], form: str, name: str = "bench") -> int:
    """Run rasd's full path over raw strings, as a user would; returns the number of events."""
    from rasd.io.ingest import document_from_html, document_from_text
    from rasd.pipeline import process

    read = document_from_html if form == "html" else document_from_text
    return sum(len(process(read(raw, doc_id=f"{name}-{i}")).events) for i, raw in enumerate(raws))


def measure_path(
    language: str, form: str, documents: int, words: int, seed: int | str
) -> dict[str, float]:
    """Time rasd over one path's documents (run in the fresh process of that path, after the
    first document); returns seconds, volumes, events and the process's peak RSS."""
    articles = bench_articles(language, documents, words, seed)
    raws = raw_documents(articles, form)
    floor = trafilatura_seconds if form == "html" else regex_seconds
    before = floor(raws)  # the floor just before and just after, in the same process, so
    cpu_started = time.process_time()  # that a machine running faster or slower for a
    started = time.perf_counter()  # while moves rasd and its floor alike
    events = extract_documents(raws, form, f"bench-{language}-{form}")
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    after = floor(raws)
    return {
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "floor_seconds": (before.seconds + after.seconds) / 2,
        "floor_cpu_seconds": (before.cpu_seconds + after.cpu_seconds) / 2,
        "documents": len(raws),
        "megabytes": sum(len(r.encode("utf-8")) for r in raws) / 1e6,
        "article_words": sum(a.words for a in articles),
        "events": events,
        "peak_rss_mb": _peak_rss_mb(),
    }


# Runs in a fresh interpreter: start-up up to the first document's events, then the workload.
_PATH_PROCESS = """\
import time, json, sys
job = json.loads(sys.argv[1])
from rasd.io.ingest import document_from_html, document_from_text
from rasd.pipeline import process
read = document_from_html if job["form"] == "html" else document_from_text
process(read(job["first"], doc_id="first"))
ready = time.time()
figures = {}
if job["documents"]:
    from rasd.evaluation.bench.measure import measure_path
    figures = measure_path(job["language"], job["form"], job["documents"], job["words"],
                           job["seed"])
print(json.dumps({"ready": ready, **figures}))
"""


def _environment() -> dict[str, str]:
    """The environment of the measuring processes: this one's, with this rasd importable."""
    env = dict(os.environ)
    source = str(Path(rasd.__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (source, env.get("PYTHONPATH")) if p)
    return env


def compile_bytecode() -> bool:
    """Compile rasd's modules to bytecode where it is missing or stale, as an install does;
    False when some could not be written (start-up then includes compiling them)."""
    package = Path(rasd.__file__).resolve().parent
    with contextlib.redirect_stdout(io.StringIO()):
        return bool(compileall.compile_dir(package, quiet=2))


def knowledge_seconds() -> float:
    """Wall time of a fresh process that loads rasd's knowledge (building the compiled file
    when the data or the code changed since it was made)."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _KNOWLEDGE_PROCESS], env=_environment(), capture_output=True
    )
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines() or ["failed"]
        raise BenchError(f"loading rasd's knowledge failed: {lines[-1]}")
    return time.perf_counter() - started


_KNOWLEDGE_PROCESS = "from rasd.knowledge.resources import default_resources; default_resources()"


def python_startup_seconds(runs: int = 5) -> float:
    """Median wall time of ``python -c pass``: a bare interpreter's start and exit."""
    env = _environment()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], env=env, check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def run_path_process(
    language: str, form: str, documents: int, words: int, seed: int | str
) -> dict[str, float]:
    """One path measured in a fresh process: its figures plus ``startup_wall_seconds``, the
    median over that process and ``STARTUP_RUNS - 1`` more that stop after the first
    document (one start-up alone swings by a tenth of a second with the disk's cache)."""
    first = bench_articles(language, 1, FIRST_DOCUMENT_WORDS, f"{seed}:first")
    job = {
        "language": language,
        "form": form,
        "documents": documents,
        "words": words,
        "seed": seed,
        "first": raw_documents(first, form)[0],
    }
    figures = _fresh_process(job)
    startups = [figures.pop("startup_wall_seconds")]
    for _ in range(STARTUP_RUNS - 1):
        startups.append(_fresh_process({**job, "documents": 0})["startup_wall_seconds"])
    figures["startup_wall_seconds"] = statistics.median(startups)
    return figures


def _fresh_process(job: dict[str, object]) -> dict[str, float]:
    where = f"{job['language']} {job['form']}"
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-c", _PATH_PROCESS, json.dumps(job, ensure_ascii=False)],
        env=_environment(),
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines() or [f"exit status {done.returncode}"]
        raise BenchError(f"{where}: the measuring process failed: {lines[-1]}")
    try:
        figures = json.loads(done.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        raise BenchError(f"{where}: the measuring process printed no figures") from None
    figures["startup_wall_seconds"] = figures.pop("ready") - started
    return figures


@dataclass(frozen=True)
class PassTime:
    """Mean wall and CPU seconds of one pass over the documents."""

    seconds: float
    cpu_seconds: float


def seconds_per_pass(run: Callable[[], object], min_seconds: float | None = None) -> PassTime:
    """Mean time of ``run()``, repeated until ``min_seconds`` (by default FLOOR_MIN_SECONDS,
    read at each call) have passed, and at least once."""
    if min_seconds is None:
        min_seconds = FLOOR_MIN_SECONDS
    passes, started, cpu_started = 0, time.perf_counter(), time.process_time()
    while True:
        run()
        passes += 1
        elapsed = time.perf_counter() - started
        if elapsed >= min_seconds:
            return PassTime(elapsed / passes, (time.process_time() - cpu_started) / passes)


def trafilatura_seconds(pages: Sequence[str]) -> PassTime:
    """Time of one pass of trafilatura over the pages, with the options of rasd's ingest."""
    import trafilatura

    def extract_all() -> None:
        for page in pages:
            trafilatura.bare_extraction(
                page, url=None, favor_recall=True, with_metadata=True, include_comments=False
            )

    trafilatura.bare_extraction(pages[0], favor_recall=True, with_metadata=True)  # warm up
    return seconds_per_pass(extract_all)


def regex_seconds(texts: Sequence[str]) -> PassTime:
    """Time of one pass of ``re.findall(r"\\w+", text)`` over the texts."""

    def tokenize_all() -> None:
        for text in texts:
            re.findall(r"\w+", text)

    return seconds_per_pass(tokenize_all)


def length_scaling(documents: int, seed: int | str) -> dict[str, float]:
    """Seconds per document of 400-word and of 6,400-word Arabic texts, and their ratio."""
    short_words, long_words = SCALING_WORDS
    short_count = min(max(documents, 4), 40)
    long_count = max(1, short_count // 8)
    short = raw_documents(bench_articles("ar", short_count, short_words, seed), "text")
    long = raw_documents(bench_articles("ar", long_count, long_words, seed), "text")
    extract_documents(short[:1], "text", "warm-up")  # dictionaries and gazetteer loaded
    started = time.perf_counter()
    extract_documents(short, "text", "short")
    per_short = (time.perf_counter() - started) / len(short)
    measured, started = 0, time.perf_counter()
    for raw in long:
        extract_documents([raw], "text", f"long-{measured}")
        measured += 1
        if time.perf_counter() - started > SCALING_LONG_BUDGET_SECONDS:
            break
    per_long = (time.perf_counter() - started) / measured
    return {
        "language": "ar",
        "form": "text",
        "short_words": short_words,
        "long_words": long_words,
        "short_documents": len(short),
        "long_documents": measured,
        "short_seconds_per_document": per_short,
        "long_seconds_per_document": per_long,
        "ratio": per_long / per_short,
    }
