"""Extraction in worker processes, for `rasd extract --workers N` and `rasd ingest --workers N`.

The documents are read in the calling process (one reader: errors, warnings and skips are
told as they come) and sent to N worker processes in chunks; their events come back in the
order of the input. Each worker process has rasd's knowledge loaded once: inherited from
the caller where processes fork (Linux), else loaded when the worker starts. At most a few
chunks a worker are in flight, so memory stays flat however long the input is.

A document on which extraction raises is a :class:`Failure` and the others go on. A
document that kills its worker process (a crash, the memory killer) breaks the pool: the pool
is started again and the documents that were in flight are retried one at a time, so that
only the document that kills a worker fails.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice

from rasd.io.export import Result
from rasd.model import Document, Event

CHUNK_SIZE = 16  # documents sent to a worker at a time: a few tens of milliseconds of work
IN_FLIGHT_PER_WORKER = 3  # chunks a worker may have queued: it never waits for the next one
WORKER_DIED = "its worker process died (a crash or out of memory)"


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


def _extract_chunk(documents: list[Document]) -> list[list[Event] | str]:
    """In a worker: the events of each document, or why extraction failed on it. Only the
    events travel back: the caller still holds the documents."""
    outcomes: list[list[Event] | str] = []
    for document in documents:
        outcome = extract_here(document)
        outcomes.append(outcome.reason if isinstance(outcome, Failure) else outcome.events)
    return outcomes


def _load_knowledge() -> None:
    """A worker's start: rasd's knowledge, once (a no-op where it was inherited by fork)."""
    from rasd.knowledge.resources import default_resources

    default_resources()


def _chunks(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(documents)
    while chunk := list(islice(iterator, size)):
        yield chunk


class _Pool:
    """A process pool started on first use (after the caller has loaded the knowledge, which
    forked workers then share) and started again when a worker dies."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._executor: ProcessPoolExecutor | None = None

    def submit(self, chunk: list[Document]) -> Future[list[list[Event] | str]]:
        if self._executor is None:
            method = "fork" if sys.platform == "linux" else None
            self._executor = ProcessPoolExecutor(
                self.workers,
                mp_context=multiprocessing.get_context(method),
                initializer=_load_knowledge,
            )
        return self._executor.submit(_extract_chunk, chunk)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None


_InFlight = deque[tuple[list[Document], Future[list[list[Event] | str]]]]


def extract_in_workers(
    documents: Iterable[Document], workers: int, chunk_size: int = CHUNK_SIZE
) -> Iterator[Result | Failure]:
    """The Result (or Failure) of each document, in input order, extracted by ``workers``
    processes; the documents are read only as fast as the workers take them."""
    pool = _Pool(workers)
    in_flight: _InFlight = deque()
    try:
        for chunk in _chunks(documents, chunk_size):
            in_flight.append((chunk, pool.submit(chunk)))
            if len(in_flight) >= IN_FLIGHT_PER_WORKER * workers:
                yield from _first_done(in_flight, pool)
        while in_flight:
            yield from _first_done(in_flight, pool)
    finally:
        pool.close()


def _first_done(in_flight: _InFlight, pool: _Pool) -> Iterator[Result | Failure]:
    """The outcomes of the oldest chunk in flight; after a worker died, those of every chunk
    in flight, retried one document at a time."""
    chunk, future = in_flight[0]
    try:
        outcomes = future.result()
    except BrokenProcessPool:
        retried = [document for chunk, _ in in_flight for document in chunk]
        in_flight.clear()
        pool.close()
        yield from _one_at_a_time(retried, pool)
        return
    in_flight.popleft()
    for document, outcome in zip(chunk, outcomes):
        yield Failure(document, outcome) if isinstance(outcome, str) else Result(document, outcome)


def _one_at_a_time(documents: list[Document], pool: _Pool) -> Iterator[Result | Failure]:
    for document in documents:
        try:
            (outcome,) = pool.submit([document]).result()
        except BrokenProcessPool:
            pool.close()
            yield Failure(document, WORKER_DIED)
            continue
        yield Failure(document, outcome) if isinstance(outcome, str) else Result(document, outcome)
