"""Work in worker processes, for `rasd extract --workers N` and `rasd ingest --workers N`.

:func:`in_order` sends the items of a stream to N worker processes in chunks and hands on
what a job made of each in the order of the input; an item the caller keeps (:class:`Kept`:
a message of its own) takes its place in that order without going to a worker.
:func:`extract_in_workers` extracts Documents read in the calling process (for `rasd
ingest`, which stores them); `rasd extract` sends the inputs' unread records to its workers
instead and gets back their output (rasd.extract_workers). Each worker process has rasd's
knowledge and its extraction modules loaded once: inherited from the caller where processes
fork (Linux), else loaded when the worker starts. At most a few chunks a worker are in
flight, so memory stays flat however long the input is.

A document on which extraction raises is a :class:`Failure` and the others go on. An item
that kills its worker process (a crash, the memory killer) breaks the pool: the pool is
started again and the items that were in flight are retried one at a time, so that only the
item that kills a worker fails.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Generic, TypeVar

from rasd.io.export import Result
from rasd.model import Document, Event

CHUNK_SIZE = 16  # items sent to a worker at a time: a few tens of milliseconds of work
IN_FLIGHT_PER_WORKER = 3  # chunks a worker may have queued: it never waits for the next one
WORKER_DIED = "its worker process died (a crash or out of memory)"

T = TypeVar("T")  # an item of work
R = TypeVar("R")  # what a job makes of one item
H = TypeVar("H")  # an item kept in the calling process


@dataclass(frozen=True)
class Failure:
    """A document extraction failed on, and why ("extraction failed (KeyError: 'x')")."""

    document: Document
    reason: str


def extract_here(document: Document) -> Result | Failure:
    """The document's events, extracted in this process; a Failure if extraction raises."""
    from rasd.pipeline import process

    try:
        return process(document)
    except Exception as err:  # a bug on one document must not stop the others
        return Failure(document, f"extraction failed ({type(err).__name__}: {err})")


def worker_count(value: str) -> int:
    """The value of ``--workers``: a whole number of processes, 1 or more."""
    try:
        count = int(value)
    except ValueError:
        count = 0
    if count < 1:
        raise argparse.ArgumentTypeError(f"not a number of processes (1 or more): {value!r}")
    return count


def _load_knowledge() -> None:
    """rasd's knowledge and the extraction modules, once: in the caller before its workers
    fork (they share it), and at a worker's start (a no-op where it was inherited)."""
    import rasd.pipeline  # noqa: F401  (imported here, not by each worker)
    from rasd.knowledge.resources import default_resources

    default_resources()


class _Pool:
    """A process pool started on first use (after the caller has loaded the knowledge, which
    forked workers then share) and started again when a worker dies."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._executor: ProcessPoolExecutor | None = None

    def submit(self, job: Callable[[list[T]], list[R]], chunk: list[T]) -> Future[list[R]]:
        if self._executor is None:
            _load_knowledge()
            method = "fork" if sys.platform == "linux" else None
            self._executor = ProcessPoolExecutor(
                self.workers,
                mp_context=multiprocessing.get_context(method),
                initializer=_load_knowledge,
            )
        return self._executor.submit(job, chunk)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None


@dataclass(frozen=True)
class Kept(Generic[H]):
    """An item of the stream that stays in the calling process (a message of its own): handed
    back in its place among the outcomes."""

    value: H


_Sent = tuple[list[T], "Future[list[R]]"]  # a chunk and its outcomes to come


def in_order(
    items: Iterable[T | Kept[H]],
    job: Callable[[list[T]], list[R]],
    workers: int,
    died: Callable[[T], R],
    start: Callable[[], bool] | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> Iterator[tuple[T, R] | Kept[H]]:
    """Each item with what ``job`` (a picklable function of a chunk of items, giving one
    outcome an item) made of it in one of ``workers`` processes, and each Kept item, in the
    order of the items; ``died(item)`` stands for the outcome of an item that killed its
    worker. ``start`` is called before the first item goes to a worker; when it gives False
    no more items are read. The items are read only as fast as the workers take them."""
    pool = _Pool(workers)
    in_flight: deque[_Sent[T, R] | Kept[H]] = deque()
    limit = IN_FLIGHT_PER_WORKER * workers
    chunk: list[T] = []
    started = start is None

    def send() -> None:
        nonlocal chunk
        if chunk:
            in_flight.append((chunk, pool.submit(job, chunk)))
            chunk = []

    try:
        for item in items:
            if isinstance(item, Kept):
                send()
                in_flight.append(item)
            else:
                if not started:
                    if start is not None and not start():
                        break
                    started = True
                chunk.append(item)
                if len(chunk) >= chunk_size:
                    send()
            while in_flight and (isinstance(in_flight[0], Kept) or len(in_flight) >= limit):
                yield from _first_done(in_flight, pool, job, died)
        send()
        while in_flight:
            yield from _first_done(in_flight, pool, job, died)
    finally:
        pool.close()


def _first_done(
    in_flight: deque[_Sent[T, R] | Kept[H]],
    pool: _Pool,
    job: Callable[[list[T]], list[R]],
    died: Callable[[T], R],
) -> Iterator[tuple[T, R] | Kept[H]]:
    """The outcomes of the oldest entry in flight; after a worker died, those of every entry
    in flight, the items sent to workers retried one at a time."""
    first = in_flight.popleft()
    if isinstance(first, Kept):
        yield first
        return
    chunk, future = first
    try:
        outcomes = future.result()
    except BrokenProcessPool:
        entries = [first, *in_flight]
        in_flight.clear()
        pool.close()
        for entry in entries:
            if isinstance(entry, Kept):
                yield entry
                continue
            for item in entry[0]:
                yield item, _alone(item, pool, job, died)
        return
    yield from zip(chunk, outcomes)


def _alone(item: T, pool: _Pool, job: Callable[[list[T]], list[R]], died: Callable[[T], R]) -> R:
    """What ``job`` makes of ``item`` sent to a worker on its own; died(item) if it kills it."""
    try:
        (outcome,) = pool.submit(job, [item]).result()
    except BrokenProcessPool:
        pool.close()
        return died(item)
    return outcome


def _extract_chunk(documents: list[Document]) -> list[list[Event] | str]:
    """In a worker: the events of each document, or why extraction failed on it. Only the
    events travel back: the caller still holds the documents."""
    outcomes: list[list[Event] | str] = []
    for document in documents:
        outcome = extract_here(document)
        outcomes.append(outcome.reason if isinstance(outcome, Failure) else outcome.events)
    return outcomes


def _died(document: Document) -> list[Event] | str:
    return WORKER_DIED


def extract_in_workers(
    documents: Iterable[Document], workers: int, chunk_size: int = CHUNK_SIZE
) -> Iterator[Result | Failure]:
    """The Result (or Failure) of each document, in input order, extracted by ``workers``
    processes; the documents are read only as fast as the workers take them."""
    done: Iterator[tuple[Document, list[Event] | str] | Kept[None]]
    done = in_order(documents, _extract_chunk, workers, _died, chunk_size=chunk_size)
    for entry in done:
        if isinstance(entry, Kept):
            continue  # (none: every document goes to a worker)
        document, outcome = entry
        yield Failure(document, outcome) if isinstance(outcome, str) else Result(document, outcome)
