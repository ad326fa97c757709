"""The event store: a SQLite file by default (a path: one file, nothing to start), a
PostgreSQL database for teams (a ``postgresql://`` URL), through the same code.

Documents and their events are written in one transaction per document, so a failure on one
input, or a run killed at any moment, never loses or half-writes what was already stored; a
rerun stores what is missing. A document is stored under its identity (its URL, its record's
id or its text's digest: rasd.io.identity), never under its name: re-ingesting the same
document replaces its events, and nothing else is ever replaced. Events are grouped into
happenings (rasd.io.store.schema); the queries return one StoredEvent per happening, with
every document that reports it. Older stores are upgraded when opened
(rasd.io.store.migrations).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Connection, exc, func, select

from rasd.io.export import Result
from rasd.io.identity import text_digest
from rasd.io.store import queries
from rasd.io.store.database import (
    StoreError,
    display_name,
    open_engine,
    reading,
    reason,
    writing,
)
from rasd.io.store.migrations import needs_upgrade, upgrade
from rasd.io.store.queries import EventQuery, SourceRef, StoredEvent
from rasd.io.store.schema import VERSION, documents, events, happenings
from rasd.io.store.storing import Ingested, identity_of, write_result
from rasd.model import Document

__all__ = [
    "VERSION",
    "EventQuery",
    "Ingested",
    "SourceRef",
    "Store",
    "StoreError",
    "StoredEvent",
]

T = TypeVar("T")


class Store:
    """The store at a path (SQLite) or a URL (``postgresql://user@host/db``)."""

    def __init__(self, target: str | Path) -> None:
        self.name = display_name(target)
        self._engine = open_engine(target)
        try:
            with reading(self._engine) as connection:
                stale = needs_upgrade(connection, self.name)
            if stale:  # a new database, or one an earlier rasd wrote: all of it or none
                with writing(self._engine) as connection:
                    upgrade(connection, self.name)
        except StoreError:
            self._engine.dispose()
            raise
        except exc.SQLAlchemyError as err:
            self._engine.dispose()
            raise StoreError(f"{self.name}: not a usable rasd store ({reason(err)})") from None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._engine.dispose()

    def _read(self, work: Callable[[Connection], T]) -> T:
        try:
            with reading(self._engine) as connection:
                return work(connection)
        except exc.SQLAlchemyError as err:
            raise StoreError(f"{self.name}: cannot read ({reason(err)})") from None

    # writing

    def ingest(self, result: Result) -> Ingested:
        """Store a document and its events in one transaction; a document of the same
        identity (the same URL, record id or text) is replaced with its events."""
        return self.ingest_all([result])[0]

    def ingest_all(self, results: Iterable[Result], group: bool = True) -> list[Ingested]:
        """Store several documents in one transaction (all or none of them); with ``group``
        False, each event is a happening of its own, for a bulk load of events known to be
        distinct (no look-up of the happenings stored)."""
        try:
            with writing(self._engine) as connection:
                return [write_result(connection, result, group) for result in results]
        except exc.SQLAlchemyError as err:
            raise StoreError(f"{self.name}: cannot write ({reason(err)})") from None

    def add(self, result: Result) -> bool:
        """Store a document and its events (``ingest``); True if the document is new."""
        return self.ingest(result).new

    # reading

    def holds(self, document: Document) -> bool:
        """Whether the store holds this document with this very text and publication time
        (nothing to redo)."""
        published = document.published.isoformat() if document.published else None
        d = documents.c

        def held(connection: Connection) -> bool:
            row = connection.execute(
                select(d.published).where(
                    d.identity == identity_of(document),
                    d.text_sha256 == text_digest(document.text),
                )
            ).first()
            return row is not None and row.published == published

        return self._read(held)

    def count(self) -> tuple[int, int]:
        """(documents, events) stored: events as the documents report them."""

        def counted(connection: Connection) -> tuple[int, int]:
            docs = connection.execute(select(func.count()).select_from(documents)).scalar_one()
            reports = connection.execute(select(func.count()).select_from(events)).scalar_one()
            return int(docs), int(reports)

        return self._read(counted)

    def happening_count(self) -> int:
        """How many happenings the stored events are."""
        return self._read(
            lambda c: int(c.execute(select(func.count()).select_from(happenings)).scalar_one())
        )

    def event_records(self) -> Iterator[tuple[str, str, dict]]:
        """(doc_id, identity, event record) triples, as each document reports its events,
        oldest event first."""
        e, d = events.c, documents.c
        rows = self._read(
            lambda c: c.execute(
                select(d.doc_id, e.identity, e.record)
                .join(documents, e.identity == d.identity)
                .order_by(e.date_from, e.id)
            ).all()
        )
        for doc_id, identity, record in rows:
            yield doc_id, identity, json.loads(record)

    def document(self, identity: str) -> Document | None:
        """The stored document of this identity, or None."""
        d = documents.c
        row = self._read(
            lambda c: c.execute(
                select(d.doc_id, d.text, d.title, d.language, d.url, d.source, d.outlet).where(
                    d.identity == identity
                )
            ).first()
        )
        if row is None:
            return None
        return Document(
            doc_id=row.doc_id,
            text=row.text,
            title=row.title,
            language=row.language or "other",  # a store written before languages has none
            url=row.url,
            source=row.source,
            outlet=row.outlet,
            identity=identity,
        )

    def find_events(
        self, query: EventQuery, limit: int = 100, offset: int = 0
    ) -> tuple[int, list[StoredEvent]]:
        """(how many events match, one page of them), in date order then by id: one event
        per happening, with every document that reports it."""
        return self._read(lambda c: queries.find_events(c, query, limit, offset))

    def event(self, event_id: int) -> StoredEvent | None:
        """The event (happening) of this id, or None."""
        found = self._read(lambda c: queries.stored_events(c, [event_id]))
        return found[0] if found else None

    def counts(self, query: EventQuery, by: str) -> dict[str, int]:
        """How many events match, by ``by``: "day" (ISO dates, of the first day; undated
        events left out) or "type" (event types)."""
        return self._read(lambda c: queries.counts(c, query, by))

    def documents(self, limit: int = 100, offset: int = 0) -> tuple[int, list[SourceRef]]:
        """(how many documents are stored, one page of them), the latest published first."""
        return self._read(lambda c: queries.document_page(c, limit, offset))
