"""The `rasd` command."""

from __future__ import annotations

import argparse
import codecs
import datetime as dt
import io
import os
import sys
from collections.abc import Callable, Iterator
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from rasd import __version__
from rasd.batch_command import add_batch_command
from rasd.evaluation.bench import BenchError, format_report, run_bench
from rasd.evaluation.bench import add_arguments as add_bench_arguments
from rasd.extract_workers import FORMATS as WORKER_FORMATS
from rasd.extract_workers import extract_to
from rasd.gazetteer_command import add_gazetteer_command
from rasd.io.documents import published_at
from rasd.io.export import FORMATS, Result, format_table, write_csv
from rasd.io.ingest import IngestError, read_stream
from rasd.io.inputs import expand as expand_inputs
from rasd.io.inputs import read_input
from rasd.model import Document
from rasd.run_report import RunReport, counted, expected_documents
from rasd.serve_command import add_serve_command
from rasd.store_command import IngestTally, add_export_command
from rasd.workers import Failure, extract_here, extract_in_workers, worker_count

if TYPE_CHECKING:  # the store (SQLAlchemy) is imported by the commands that use it only:
    from rasd.io.store import Store  # `rasd extract` starts without it

EXIT_OK = 0
EXIT_SOME_INPUTS_FAILED = 1
EXIT_USAGE = 2

DB_HELP = "the store: a SQLite file (default: rasd.sqlite) or a postgresql:// URL"

EPILOG = """exit codes:
  0  every input was read (documents with no events included; warnings may be printed)
  1  one or more inputs could not be read or processed (one line each on stderr,
     "rasd: error: INPUT: why"); the other inputs were processed and their results written
  2  bad usage, or nothing could be done (unusable store, gold folder, gazetteer file, or
     a bad data file of your own in $RASD_HOME: reported once, naming the file)

examples:
  rasd demo
  rasd extract --published 2024-01-15T15:45:00+03:00 article.txt
  rasd extract --format csv pages/*.html > events.csv
  rasd extract --format csv --bom pages/*.html > for-excel.csv
  cat records.jsonl | rasd extract -
  rasd ingest --db events.sqlite pages/ feed.rss
  rasd export --db events.sqlite --format geojson --country Syria > syria.geojson
  rasd extract --workers 2 records.jsonl > events.jsonl
  rasd batch --out events/ shards/
  rasd eval ../shared/eval/dev
"""


def _published(value: str) -> dt.datetime:
    try:
        published = dt.datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not an ISO 8601 time: {value!r} (e.g. 2024-01-15T15:45:00+03:00)"
        ) from None
    return published


def _documents(inputs: list[str], report: RunReport) -> Iterator[Document]:
    for name in expand_inputs(inputs):
        if name == "-":
            try:
                # bytes where it can: the encoding of piped text is told as a file's is
                stream = getattr(sys.stdin, "buffer", sys.stdin)
                for item in read_stream(stream, "stdin"):
                    if isinstance(item, IngestError):
                        report.error(str(item))
                    else:
                        yield item
            except (UnicodeDecodeError, OSError) as err:
                report.error(f"stdin: cannot read ({err})")
            continue
        try:
            yield from read_input(name)
        except IngestError as err:
            report.error(str(err), failed=err.records)


def _knowledge_loads(report: RunReport) -> bool:
    """Whether rasd's knowledge loads (the packaged data files and the user's in $RASD_HOME
    and the gazetteer folder); if not, one error naming the bad file, blamed on no input."""
    from rasd.knowledge.places import GazetteerError
    from rasd.knowledge.resources import default_resources

    try:
        default_resources()
    except (ValueError, GazetteerError) as err:  # their messages start with the file's name
        report.error(str(err))
    except OSError as err:
        report.error(f"{err.filename or 'knowledge'}: cannot read ({err.strerror or err})")
    except Exception as err:  # a bug: still one line, and nothing else to do
        report.error(f"cannot load rasd's knowledge ({type(err).__name__}: {err})")
    else:
        return True
    report.unusable = True
    return False


def _results(
    inputs: list[str],
    published: dt.datetime | None,
    report: RunReport,
    skip: Callable[[Document], bool] | None = None,
    workers: int = 1,
) -> Iterator[Result]:
    """The result of each input document, but those ``skip`` says need no extraction;
    extracted by ``workers`` processes (rasd.workers) when more than one, in input order."""
    _start(inputs, report)
    documents = _to_extract(inputs, published, report, skip)
    if workers > 1:
        outcomes = extract_in_workers(documents, workers)
    else:
        outcomes = (extract_here(doc) for doc in documents)
    for outcome in outcomes:
        if isinstance(outcome, Failure):  # one bad document never stops the others
            doc = outcome.document
            report.error(f"{doc.source or doc.doc_id}: {outcome.reason}")
            report.done(None)
            continue
        report.done(outcome)
        yield outcome


def _start(inputs: list[str], report: RunReport) -> None:
    """The progress bar, of the documents the inputs hold where that can be told."""
    report.start(expected_documents(list(expand_inputs(inputs))) if report.shows_progress else None)


def _to_extract(
    inputs: list[str],
    published: dt.datetime | None,
    report: RunReport,
    skip: Callable[[Document], bool] | None,
) -> Iterator[Document]:
    """The input documents to extract, their warnings told."""
    for number, doc in enumerate(_documents(inputs, report)):
        if number == 0 and not _knowledge_loads(report):
            return  # loaded once, on the first document: a run of bad inputs never pays
        # --published is for the inputs that carry no date: it never overrides one
        if doc.published is None and published is not None:
            doc = published_at(doc, published)
        if skip is not None and skip(doc):
            continue
        for warning in doc.warnings:
            report.warn(f"{doc.source or doc.doc_id}: {warning}")
        yield doc


def _write(results: Iterator[Result], fmt: str, out: TextIO, bom: bool = False) -> None:
    if fmt == "table":
        out.write(format_table(results) + "\n")
    elif fmt == "csv":
        write_csv(results, out, bom=bom)
    else:
        FORMATS[fmt](results, out)


def _open_store(path: str) -> Store | None:
    """The store at ``path``, or None after a one-line error saying why it cannot be used."""
    from rasd.io.store import Store, StoreError

    try:
        return Store(path)
    except StoreError as err:
        RunReport().error(str(err))
        return None


def cmd_extract(args: argparse.Namespace) -> int:
    report = RunReport(args.quiet)
    try:
        if args.workers > 1 and args.format in WORKER_FORMATS:
            # the workers read, extract and write: this process copies their output in order
            _start(args.inputs, report)
            extract_to(
                args.inputs,
                args.format,
                sys.stdout,
                report,
                args.workers,
                args.published,
                args.bom,
                ready=lambda: _knowledge_loads(report),
            )
        else:
            results = _results(args.inputs, args.published, report, workers=args.workers)
            _write(results, args.format, sys.stdout, args.bom)
    finally:
        report.finish()
    return _exit_code(report)


def _exit_code(report: RunReport) -> int:
    if report.unusable:
        return EXIT_USAGE
    return EXIT_SOME_INPUTS_FAILED if report.failures else EXIT_OK


def cmd_ingest(args: argparse.Namespace) -> int:
    from rasd.io.store import StoreError

    report = RunReport(args.quiet)
    store = _open_store(args.db)
    if store is None:
        return EXIT_USAGE
    with store:
        tally = IngestTally()

        def stored_already(doc: Document) -> bool:
            """The same document with the same text: ingesting it again adds nothing."""
            if not store.holds(doc):
                return False
            report.passed_over()
            return True

        try:
            for result in _results(
                args.inputs, args.published, report, stored_already, args.workers
            ):
                doc = result.document
                try:
                    # one transaction: a failure (or a kill) leaves the store as it was
                    tally.add(store.ingest(result))
                except StoreError as err:
                    report.error(f"{err} (storing {doc.source or doc.doc_id})")
                    return EXIT_USAGE
        finally:
            report.finish()
        summary = tally.summary(store, report.already_stored)
    if report.unusable:
        return EXIT_USAGE
    print(summary)
    return _exit_code(report)


def sample_paths() -> list[Path]:
    folder = files("rasd") / "samples"
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith((".txt", ".html")))


def cmd_demo(args: argparse.Namespace) -> int:
    """Extract the bundled sample articles into a SQLite store and print their events."""
    report = RunReport(quiet=True)
    paths = [str(p) for p in sample_paths()]
    results = []
    store = _open_store(args.db)
    if store is None:
        return EXIT_USAGE
    with store:
        for result in _results(paths, None, report):
            store.add(result)
            results.append(result)
        docs, events = store.count()
    if report.unusable:
        return EXIT_USAGE
    print(format_table(results))
    print(
        f"\n{counted(len(results), 'sample article')} -> {args.db}"
        f" ({counted(docs, 'document')}, {counted(events, 'event')})"
    )
    return _exit_code(report)


def cmd_events(args: argparse.Namespace) -> int:
    if "://" not in args.db and not Path(args.db).exists():
        RunReport().error(f"{args.db}: no such store (create it with `rasd ingest`)")
        return EXIT_USAGE
    import json

    store = _open_store(args.db)
    if store is None:
        return EXIT_USAGE
    with store:
        for doc_id, identity, record in store.event_records():
            print(
                json.dumps({"doc_id": doc_id, "identity": identity, **record}, ensure_ascii=False)
            )
    return EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    from rasd.evaluation.evaluate import EvaluationError, evaluate

    if not _knowledge_loads(RunReport()):
        return EXIT_USAGE
    try:
        report = evaluate(Path(args.gold), scorer=args.scorer, verbose=args.verbose)
    except EvaluationError as err:
        RunReport().error(str(err))
        return EXIT_USAGE
    if args.predictions:
        try:
            Path(args.predictions).write_text(report.predictions, encoding="utf-8")
        except OSError as err:
            RunReport().error(f"{args.predictions}: cannot write ({err.strerror or err})")
            return EXIT_USAGE
    print(report.text, end="" if report.text.endswith("\n") else "\n")
    if args.by_type:
        from rasd.evaluation.evaluate import by_type

        print(by_type(Path(args.gold), report.predictions))
    print(
        f"speed: {report.documents} documents in {report.seconds:.2f} s"
        f" ({report.documents / report.seconds:.1f} documents/s, after {report.load_seconds:.2f} s"
        f" loading dictionaries and gazetteer); scored by {report.scorer}"
    )
    return EXIT_OK


def cmd_bench(args: argparse.Namespace) -> int:
    import json

    def progress(message: str) -> None:
        print(f"rasd bench: {message}", file=sys.stderr, flush=True)

    show = not args.quiet and sys.stderr.isatty()
    try:
        report = run_bench(args.documents, args.words, args.seed, progress if show else None)
    except BenchError as err:
        RunReport().error(str(err))
        return EXIT_USAGE
    print(json.dumps(report, indent=2, ensure_ascii=False) if args.json else format_report(report))
    return EXIT_OK


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="rasd",
        description="Conflict event data from Arabic and English news, offline.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action="version", version=f"rasd {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    p.set_defaults(func=None, show_help=p.print_help)

    def inputs(sp: argparse.ArgumentParser) -> None:
        sp.add_argument(
            "inputs",
            nargs="+",
            metavar="FILE",
            help="HTML, text, .json (a record or an array of records) or .jsonl files, RSS or"
            " Atom feeds (.rss, .atom, .xml), folders of them (read recursively) and http(s)"
            " URLs of feeds or pages; - reads standard input: JSON Lines records, a JSON array"
            " of records, or one article",
        )
        sp.add_argument(
            "--published",
            type=_published,
            help="publication time for inputs that do not carry one (ISO 8601, with offset)",
        )
        sp.add_argument(
            "-q",
            "--quiet",
            action="store_true",
            help="no warnings, progress bar or closing summary: errors only",
        )
        sp.add_argument(
            "--workers",
            type=worker_count,
            default=1,
            metavar="N",
            help="extract in N worker processes (default 1: in this one); the output keeps"
            " the order of the inputs",
        )

    ex = sub.add_parser("extract", help="print the events of each input")
    inputs(ex)
    ex.add_argument(
        "--format",
        choices=["jsonl", "csv", "geojson", "table"],
        default="jsonl",
        help="jsonl: one JSON record per document (default); csv: one row per event in ACLED's"
        " columns; geojson: the events as points; table: for reading in a terminal",
    )
    ex.add_argument(
        "--bom",
        action="store_true",
        help="with --format csv: begin with a UTF-8 byte-order mark, by which Excel shows the"
        " Arabic (default: plain UTF-8)",
    )
    ex.set_defaults(func=cmd_extract)

    ing = sub.add_parser(
        "ingest", help="extract events into a store (a SQLite file, or a PostgreSQL database)"
    )
    inputs(ing)
    ing.add_argument("--db", default="rasd.sqlite", help=DB_HELP)
    ing.set_defaults(func=cmd_ingest)

    ev = sub.add_parser("events", help="print the stored events as JSON Lines")
    ev.add_argument("--db", default="rasd.sqlite", help=DB_HELP)
    ev.set_defaults(func=cmd_events)

    demo = sub.add_parser("demo", help="extract the bundled sample articles and show the events")
    demo.add_argument("--db", default="rasd.sqlite", help="store file (default: rasd.sqlite)")
    demo.set_defaults(func=cmd_demo)

    sc = sub.add_parser("eval", help="score extraction against a folder of gold files")
    sc.add_argument(
        "gold",
        metavar="GOLD_DIR",
        help="folder of gold files: JSON with doc_id, events and the article's file name"
        " (document), e.g. ../shared/eval/dev",
    )
    sc.add_argument("--scorer", help="score.py to use (default: GOLD_DIR/../score.py if present)")
    sc.add_argument("--predictions", metavar="FILE", help="also write the predictions here")
    sc.add_argument("-v", "--verbose", action="store_true", help="list missed/spurious events")
    sc.add_argument(
        "--by-type",
        action="store_true",
        help="also print P/R/F1 per event type",
    )
    sc.set_defaults(func=cmd_eval)

    bench = sub.add_parser("bench", help="measure speed, start-up and memory on synthetic articles")
    add_bench_arguments(bench)
    bench.set_defaults(func=cmd_bench)

    add_export_command(sub)
    add_batch_command(sub)
    add_gazetteer_command(sub)
    add_serve_command(sub)
    return p


def _write_utf8() -> None:
    """Standard output in UTF-8 whatever the locale says (Windows gives a redirected
    ``> events.csv`` its ANSI code page, which has no Arabic letters); standard error keeps its
    encoding, with what it cannot show escaped."""
    for stream in (sys.stdout, sys.stderr):
        if not isinstance(stream, io.TextIOWrapper):
            continue  # replaced by the caller (a test's capture, an embedding program)
        if stream is sys.stdout and codecs.lookup(stream.encoding).name != "utf-8":
            stream.reconfigure(encoding="utf-8")
        elif stream is sys.stderr:
            stream.reconfigure(errors="backslashreplace")


def main(argv: list[str] | None = None) -> int:
    _write_utf8()
    arguments = parser()
    args = arguments.parse_args(argv)
    if args.func is None or getattr(args, "action", "") is None:
        args.show_help()  # `rasd` or `rasd gazetteer` alone: what can be done
        return EXIT_OK
    if getattr(args, "bom", False) and args.format != "csv":
        arguments.error("--bom: only a CSV has a byte-order mark (add --format csv)")
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("rasd: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader went away (`rasd extract ... | head`): no "Exception ignored" at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
