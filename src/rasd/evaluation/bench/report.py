"""The bench's report: every measurement of `rasd bench` gathered into one JSON-ready dict,
and that dict laid out as readable tables. Speeds are figures to read, not thresholds: the
bench reports, it does not judge."""

from __future__ import annotations

import platform
import statistics
import time
from collections.abc import Callable, Sequence
from typing import Any

import rasd
from rasd.evaluation.bench.measure import (
    BenchError,
    compile_bytecode,
    knowledge_seconds,
    length_scaling,
    python_startup_seconds,
    run_path_process,
)

PATHS = (("ar", "text"), ("en", "text"), ("ar", "html"), ("en", "html"))
DEFAULT_DOCUMENTS = 200
DEFAULT_WORDS = 400
DEFAULT_SEED = 1
_FLOOR_NAMES = {"text": "regex \\w+", "html": "trafilatura"}


def run_bench(
    documents: int = DEFAULT_DOCUMENTS,
    words: int = DEFAULT_WORDS,
    seed: int = DEFAULT_SEED,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Every measurement of `rasd bench`, as one JSON-ready dict (what each one is: see
    ``rasd.evaluation.bench.measure``)."""
    say = progress or (lambda message: None)
    started = time.perf_counter()
    say("bare interpreter start-up")
    bare = python_startup_seconds()
    say("bytecode and compiled knowledge")
    bytecode = compile_bytecode()
    knowledge = knowledge_seconds()
    paths: dict[str, dict[str, Any]] = {}
    for language, form in PATHS:
        say(f"{language} {form}: {documents} documents in a fresh process")
        figures = run_path_process(language, form, documents, words, seed)
        figures["startup_seconds"] = max(figures["startup_wall_seconds"] - bare, 0.0)
        figures["articles_per_second"] = figures["documents"] / figures["seconds"]
        figures["megabytes_per_second"] = figures["megabytes"] / figures["seconds"]
        figures["events_per_article"] = figures["events"] / figures["documents"]
        paths[f"{language}-{form}"] = {"language": language, "form": form, **figures}
    for path in paths.values():
        floor_seconds = path.pop("floor_seconds")
        floor_speed = path["documents"] / floor_seconds
        path["floor"] = {
            "name": _FLOOR_NAMES[path["form"]],
            "seconds_per_pass": floor_seconds,
            "cpu_seconds_per_pass": path.pop("floor_cpu_seconds"),
            "articles_per_second": floor_speed,
            "megabytes_per_second": path["megabytes"] * floor_speed / path["documents"],
            "ratio": path["articles_per_second"] / floor_speed,
        }
    say("length scaling")
    try:
        scaling = length_scaling(documents, seed)
    except Exception as err:  # rasd itself failed: say so in one line, as for the paths
        raise BenchError(
            f"length scaling: extraction failed ({type(err).__name__}: {err})"
        ) from err
    return {
        "rasd_version": rasd.__version__,
        "python": platform.python_version(),
        "compiled_modules": len(rasd.compiled_modules()),  # by mypyc (RASD_COMPILE=1)
        "platform": platform.platform(),
        "documents": documents,
        "words": words,
        "seed": seed,
        "python_startup_seconds": bare,
        "knowledge_seconds": knowledge,
        "bytecode_compiled": bytecode,
        "startup_seconds": statistics.median(p["startup_seconds"] for p in paths.values()),
        "paths": paths,
        "scaling": scaling,
        "seconds": time.perf_counter() - started,
    }


def _ratio(value: float) -> str:
    return f"{value:.2g}" if value < 0.1 else f"{value:.2f}"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], left: int = 1) -> list[str]:
    """Columns as wide as their widest cell: the first ``left`` ones left-aligned (names),
    the others right-aligned (figures)."""
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            c.ljust(w) if i < left else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths))
        )

    return [line(header), "  ".join("-" * w for w in widths), *map(line, rows)]


def format_report(report: dict[str, Any]) -> str:
    """The bench's figures as readable tables."""
    paths = report["paths"].values()
    speed = _table(
        ["path", "articles/s", "MB/s", "CPU/wall", "events/article", "start-up s", "peak RSS MB"],
        [
            [
                f"{p['language']} {p['form']}",
                f"{p['articles_per_second']:,.1f}",
                f"{p['megabytes_per_second']:.3f}",
                f"{p['cpu_seconds'] / p['seconds']:.0%}",
                f"{p['events_per_article']:.1f}",
                f"{p['startup_seconds']:.2f}",
                f"{p['peak_rss_mb']:.0f}",
            ]
            for p in paths
        ],
    )
    floors = _table(
        ["path", "floor", "articles/s", "MB/s", "CPU/wall", "rasd / floor"],
        [
            [
                f"{p['language']} {p['form']}",
                p["floor"]["name"],
                f"{p['floor']['articles_per_second']:,.0f}",
                f"{p['floor']['megabytes_per_second']:.2f}",
                f"{p['floor']['cpu_seconds_per_pass'] / p['floor']['seconds_per_pass']:.0%}",
                _ratio(p["floor"]["ratio"]),
            ]
            for p in paths
        ],
        left=2,
    )
    scaling = report["scaling"]
    ar_text = report["paths"]["ar-text"]
    return "\n".join(
        [
            f"rasd bench: {report['documents']} synthetic articles per path, {report['words']}+"
            f" words each (mean {ar_text['article_words'] / ar_text['documents']:.0f} in ar),"
            f" seed {report['seed']}",
            f"one process, one core; rasd {report['rasd_version']}, Python {report['python']}"
            + (
                f", {report['compiled_modules']} modules compiled by mypyc"
                if report.get("compiled_modules")
                else ""
            ),
            "",
            *speed,
            "",
            "floors, on the same documents, in the same process, just before and after rasd:",
            *floors,
            "",
            "start-up: from starting a fresh process to its first document's events, less a bare",
            f"  interpreter's start-up ({report['python_startup_seconds'] * 1000:.0f} ms for"
            " `python -c pass`)",
            f"  rasd's compiled knowledge was ready beforehand (a process loading it took"
            f" {report['knowledge_seconds']:.2f} s: a build if data or code had changed)",
            "  and its modules compiled to bytecode, as an install does"
            if report["bytecode_compiled"]
            else "  and its modules could not all be compiled to bytecode: start-up includes"
            " compiling them",
            "MB: UTF-8 bytes of the raw input (whole pages for html)",
            "CPU/wall under 100%: other processes competed for the core; speeds are then low",
            f"length scaling ({scaling['language']} {scaling['form']}):"
            f" {scaling['short_seconds_per_document'] * 1000:.1f} ms per {scaling['short_words']}"
            f"-word article, {scaling['long_seconds_per_document'] * 1000:.0f} ms per"
            f" {scaling['long_words']:,}-word one",
            f"  ratio {scaling['ratio']:.1f} (16 if linear)",
            f"bench took {report['seconds']:.0f} s",
        ]
    )
