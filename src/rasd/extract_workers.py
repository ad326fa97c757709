"""`rasd extract --workers N` to JSON Lines, CSV or GeoJSON: each document is read, extracted
and written out in a worker process, and this process only reads the inputs' lines and copies
the workers' output in the order of the input.

What this process sends a worker (:data:`Work`): the unparsed records of a .jsonl file or of
JSON Lines on standard input (rasd.io.ingest.RecordLine, one line each), the name of a page or
text file (one document: the worker reads it), or a Document read here (a feed's entries, a
URL, a .json file, an article on standard input). What comes back for each: an
:class:`Extracted` for each of its documents (its share of the output, its warnings and
counts) or an :class:`Unread` for a record or file that could not be read. The messages, the
progress bar and the summary are this process's (rasd.run_report) and say what `rasd extract`
without workers says: the bad records of a file in one error after its last record, a bad
record of standard input as it comes.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple, TextIO

from rasd.io.documents import published_at
from rasd.io.errors import IngestError
from rasd.io.export import Result, csv_header, csv_lines, geojson_features, geojson_text, jsonl_line
from rasd.io.feeds import is_url, looks_like_feed
from rasd.io.ingest import RecordLine, bad_records, feed_lines, record_of_line, stream_entries
from rasd.io.inputs import expand as expand_inputs
from rasd.io.inputs import read_input
from rasd.model import Document
from rasd.run_report import RunReport, left_alone
from rasd.workers import WORKER_DIED, Failure, Kept, extract_here, in_order

FORMATS = ("jsonl", "csv", "geojson")  # the formats written this way (a table is not)


class Unread(NamedTuple):
    """A record or an input that could not be read: an IngestError's fields (which pickle,
    where an IngestError does not)."""

    source: str
    reason: str
    records: int = 1

    @classmethod
    def of(cls, err: IngestError) -> Unread:
        return cls(err.source, err.reason, err.records)


class Extracted(NamedTuple):
    """One document through a worker."""

    output: str  # its share of the output ("" when extraction failed)
    warnings: tuple[str, ...]  # "SOURCE: warning", told before its output
    skipped: bool  # no text, or a language rasd does not read
    events: int
    failure: str | None = None  # "SOURCE: why extraction failed on it"


@dataclass(frozen=True)
class _FeedStart:
    """The lines of a .jsonl file follow: their bad records are told in one error at its end."""


@dataclass(frozen=True)
class _FeedEnd:
    error: Unread | None = None  # the file could not be read (to its end)


Work = RecordLine | str | Document  # what goes to a worker (str: a file's name)
Here = Unread | _FeedStart | _FeedEnd  # what stays in this process, in its place in the order
Outcome = Extracted | Unread


def _one_document(name: str) -> bool:
    """Whether an input is a page or a text file, which a worker reads: not a URL, a folder, a
    feed nor a file of records."""
    path = Path(name)
    return not (
        is_url(name)
        or path.suffix.lower() in (".json", ".jsonl")
        or path.is_dir()
        or looks_like_feed(path)
    )


def _work(inputs: list[str]) -> Iterator[Work | Kept[Here]]:
    """What the inputs hold, in their order, as little read as can be."""
    for name in expand_inputs(inputs):
        if name == "-":
            yield from _stdin()
        elif _one_document(name):
            yield name
        elif Path(name).suffix.lower() == ".jsonl" and not (is_url(name) or Path(name).is_dir()):
            yield from _feed(name)
        else:
            try:
                yield from read_input(name)
            except IngestError as err:
                yield Kept(Unread.of(err))


def _feed(name: str) -> Iterator[RecordLine | Kept[Here]]:
    yield Kept(_FeedStart())
    try:
        for entry in feed_lines(name):
            yield entry if isinstance(entry, RecordLine) else Kept(Unread.of(entry))
    except IngestError as err:
        yield Kept(_FeedEnd(Unread.of(err)))
    else:
        yield Kept(_FeedEnd())


def _stdin() -> Iterator[RecordLine | Document | Kept[Here]]:
    try:
        # bytes where it can: the encoding of piped text is told as a file's is
        stream = getattr(sys.stdin, "buffer", sys.stdin)
        for entry in stream_entries(stream, "stdin"):
            yield Kept(Unread.of(entry)) if isinstance(entry, IngestError) else entry
    except (UnicodeDecodeError, OSError) as err:
        yield Kept(Unread("stdin", f"cannot read ({err})"))


def _geojson_features(result: Result) -> str:
    return ", ".join(json.dumps(f, ensure_ascii=False) for f in geojson_features(result))


_OUTPUT: dict[str, Callable[[Result], str]] = {
    "jsonl": jsonl_line,
    "csv": csv_lines,
    "geojson": _geojson_features,
}


@dataclass(frozen=True)
class _Job:
    """In a worker: the outcomes of a chunk of work, each item's as a list."""

    fmt: str
    published: dt.datetime | None  # --published

    def __call__(self, items: list[Work]) -> list[list[Outcome]]:
        return [list(self._outcomes(item)) for item in items]

    def _outcomes(self, item: Work) -> Iterator[Outcome]:
        if isinstance(item, RecordLine):
            document = record_of_line(item.text, item.where)
            yield Unread.of(document) if isinstance(document, IngestError) else self._one(document)
        elif isinstance(item, str):
            try:
                for document in read_input(item):
                    yield self._one(document)
            except IngestError as err:
                yield Unread.of(err)
        else:
            yield self._one(item)

    def _one(self, document: Document) -> Extracted:
        # --published is for the inputs that carry no date: it never overrides one
        if document.published is None and self.published is not None:
            document = published_at(document, self.published)
        name = document.source or document.doc_id
        warnings = tuple(f"{name}: {warning}" for warning in document.warnings)
        outcome = extract_here(document)
        if isinstance(outcome, Failure):
            return Extracted("", warnings, False, 0, f"{name}: {outcome.reason}")
        output = _OUTPUT[self.fmt](outcome)
        return Extracted(output, warnings, left_alone(document), len(outcome.events))


def _died(item: Work) -> list[Outcome]:
    if isinstance(item, RecordLine):
        name = item.where
    else:
        name = item if isinstance(item, str) else item.source or item.doc_id
    return [Extracted("", (), False, 0, f"{name}: {WORKER_DIED}")]


class _Writer:
    """The output of ``fmt``: JSON Lines (each record flushed as it comes) and CSV written as
    they come, GeoJSON's points put in one collection at the end."""

    def __init__(self, fmt: str, out: TextIO, bom: bool) -> None:
        self.fmt, self.out = fmt, out
        self.features: list[str] = []
        if fmt == "csv":
            out.write(csv_header(bom))

    def write(self, output: str) -> None:
        if self.fmt == "geojson":
            if output:
                self.features.append(output)
        elif output:
            self.out.write(output)
            if self.fmt == "jsonl":
                self.out.flush()

    def close(self) -> None:
        if self.fmt == "geojson":
            self.out.write(geojson_text(self.features))


def extract_to(
    inputs: list[str],
    fmt: str,
    out: TextIO,
    report: RunReport,
    workers: int,
    published: dt.datetime | None = None,
    bom: bool = False,
    ready: Callable[[], bool] | None = None,
) -> None:
    """Extract the documents of ``inputs`` in ``workers`` processes and write them to ``out``
    in ``fmt`` (one of FORMATS), in input order, telling ``report`` what happens. ``ready``
    is called before the first document goes to a worker (to load rasd's knowledge, which
    forked workers then share): if it gives False, no more is read."""
    writer = _Writer(fmt, out, bom)
    bad: list[IngestError] | None = None  # the bad records of the .jsonl file being read
    job = _Job(fmt, published)
    done: Iterator[tuple[Work, list[Outcome]] | Kept[Here]]
    done = in_order(_work(inputs), job, workers, _died, ready)
    for entry in done:
        outcomes: list[Outcome | Here] = [entry.value] if isinstance(entry, Kept) else [*entry[1]]
        for outcome in outcomes:
            if isinstance(outcome, Extracted):
                for warning in outcome.warnings:
                    report.warn(warning)
                if outcome.failure is not None:  # one bad document never stops the others
                    report.error(outcome.failure)
                    report.done(None)
                else:
                    writer.write(outcome.output)
                    report.tally(outcome.skipped, outcome.events)
            elif isinstance(outcome, Unread):
                if bad is None:
                    report.error(f"{outcome.source}: {outcome.reason}", outcome.records)
                else:
                    bad.append(IngestError(outcome.source, outcome.reason))
            elif isinstance(outcome, _FeedStart):
                bad = []
            elif isinstance(outcome, _FeedEnd):
                # the error that stopped the file's reading, else one for its bad records
                error = outcome.error
                if error is not None:
                    report.error(f"{error.source}: {error.reason}", error.records)
                elif bad:
                    summed = bad_records(bad)
                    report.error(str(summed), summed.records)
                bad = None
    writer.close()
