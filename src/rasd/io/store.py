"""The event store: one SQLite file, nothing to start.

Documents and their events are written in one transaction per document, so a failure on one
input never loses or half-writes what was already stored. A document is stored under its
identity (its URL, its record's id or its text's digest: rasd.io.identity), never under its
name: re-ingesting the same document replaces its events, and nothing else is ever replaced.
A store written before identities (schema 1, keyed by name) is upgraded when opened.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from rasd.io.export import Result
from rasd.io.identity import document_identity, text_digest
from rasd.model import Document

VERSION = 2  # PRAGMA user_version of a store this module writes

SCHEMA = (
    """CREATE TABLE IF NOT EXISTS documents (
    identity TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL,
    title TEXT,
    published TEXT,
    language TEXT,
    url TEXT,
    outlet TEXT,
    source TEXT,
    text TEXT NOT NULL,
    text_sha256 TEXT NOT NULL,
    stored_at TEXT NOT NULL DEFAULT (datetime('now'))
)""",
    """CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    identity TEXT NOT NULL REFERENCES documents(identity) ON DELETE CASCADE,
    event_type TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    date_from TEXT,
    date_to TEXT,
    actor1 TEXT,
    actor2 TEXT,
    location TEXT,
    admin1 TEXT,
    country TEXT,
    lat REAL,
    lon REAL,
    fatalities INTEGER NOT NULL DEFAULT 0,
    record TEXT NOT NULL
)""",
    "CREATE INDEX IF NOT EXISTS events_by_date ON events(date_from)",
    "CREATE INDEX IF NOT EXISTS events_by_document ON events(identity)",
)
_EVENT_COLUMNS = (
    "event_type, sub_event_type, date_from, date_to, actor1, actor2, location, admin1, country,"
    " lat, lon, fatalities, record"
)


class StoreError(Exception):
    """The store file cannot be opened or written."""


class Store:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self._db = sqlite3.connect(self.path)
        except sqlite3.Error as err:
            raise StoreError(f"{self.path}: cannot open ({err})") from err
        try:
            self._db.execute("PRAGMA foreign_keys = ON")
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            if version > VERSION:
                raise StoreError(
                    f"{self.path}: written by a newer rasd (store version {version}, this rasd"
                    f" reads up to {VERSION})"
                )
            if version < VERSION:  # a new file, or one written before identities
                self._in_one_transaction(self._create_or_upgrade)
        except (sqlite3.DatabaseError, StoreError) as err:
            self._db.close()
            if isinstance(err, StoreError):
                raise
            raise StoreError(f"{self.path}: not a usable rasd store ({err})") from err

    def _in_one_transaction(self, work: Callable[[sqlite3.Connection], None]) -> None:
        """Run ``work(connection)`` in one transaction, DDL included: all of it or none."""
        previous = self._db.isolation_level
        self._db.isolation_level = None  # BEGIN and COMMIT by hand: DDL is transactional
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                work(self._db)
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        finally:
            self._db.isolation_level = previous

    def _create_or_upgrade(self, db: sqlite3.Connection) -> None:
        columns = {row[1] for row in db.execute("PRAGMA table_info(documents)")}
        old = _read_schema_1(db) if columns and "identity" not in columns else None
        if old is not None:
            db.execute("DROP TABLE events")
            db.execute("DROP TABLE documents")
        for statement in SCHEMA:
            db.execute(statement)
        if old is not None:
            _write_schema_1_rows(db, *old)
        db.execute(f"PRAGMA user_version = {VERSION}")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    def holds(self, document: Document) -> bool:
        """Whether the store holds this document with this very text and publication time
        (nothing to redo)."""
        published = document.published.isoformat() if document.published else None
        row = self._db.execute(
            "SELECT 1 FROM documents WHERE identity = ? AND text_sha256 = ? AND published IS ?",
            (_identity(document), text_digest(document.text), published),
        ).fetchone()
        return row is not None

    def add(self, result: Result) -> bool:
        """Store a document and its events; a document of the same identity (the same URL,
        record id or text) is replaced with its events. True if the document is new."""
        doc = result.document
        identity = _identity(doc)
        with self._db:
            found = self._db.execute(
                "SELECT 1 FROM documents WHERE identity = ?", (identity,)
            ).fetchone()
            self._db.execute("DELETE FROM events WHERE identity = ?", (identity,))
            self._db.execute(
                "INSERT OR REPLACE INTO documents (identity, doc_id, title, published, language,"
                " url, outlet, source, text, text_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    identity,
                    doc.doc_id,
                    doc.title,
                    doc.published.isoformat() if doc.published else None,
                    doc.language,
                    doc.url,
                    doc.outlet,
                    doc.source,
                    doc.text,
                    text_digest(doc.text),
                ),
            )
            self._db.executemany(
                f"INSERT INTO events (identity, {_EVENT_COLUMNS})"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(identity, *_event_row(event.to_dict())) for event in result.events],
            )
        return found is None

    def count(self) -> tuple[int, int]:
        """(documents, events) stored."""
        docs = self._db.execute("SELECT count(*) FROM documents").fetchone()[0]
        events = self._db.execute("SELECT count(*) FROM events").fetchone()[0]
        return docs, events

    def event_records(self) -> Iterator[tuple[str, str, dict]]:
        """(doc_id, identity, event record) triples, oldest event first."""
        rows = self._db.execute(
            "SELECT d.doc_id, e.identity, e.record FROM events e JOIN documents d"
            " USING (identity) ORDER BY e.date_from, e.id"
        )
        for doc_id, identity, record in rows:
            yield doc_id, identity, json.loads(record)

    def document(self, identity: str) -> Document | None:
        """The stored document of this identity, or None."""
        row = self._db.execute(
            "SELECT doc_id, text, title, language, url, source, outlet, identity FROM documents"
            " WHERE identity = ?",
            (identity,),
        ).fetchone()
        if row is None:
            return None
        return Document(
            doc_id=row[0],
            text=row[1],
            title=row[2],
            language=row[3] or "other",  # a store written before languages has none
            url=row[4],
            source=row[5],
            outlet=row[6],
            identity=row[7],
        )


def _identity(document: Document) -> str:
    """The document's identity; one made by hand without it is identified as ingestion
    would."""
    return document.identity or document_identity(document.text, document.url)


def _event_row(record: dict) -> tuple[object, ...]:
    """The columns of one event record (``Event.to_dict()``), as _EVENT_COLUMNS lists them."""
    loc = record["location"] or {}
    return (
        record["event_type"],
        record["sub_event_type"],
        record["date_from"],
        record["date_to"],
        record["actor1"]["name"] if record["actor1"] else None,
        record["actor2"]["name"] if record["actor2"] else None,
        loc.get("name"),
        loc.get("admin1"),
        loc.get("country"),
        loc.get("lat"),
        loc.get("lon"),
        record["fatalities"],
        json.dumps(record, ensure_ascii=False),
    )


_SCHEMA_1_DOCUMENT = "doc_id, title, published, language, url, source, text, stored_at"


def _read_schema_1(db: sqlite3.Connection) -> tuple[list[tuple], list[tuple]]:
    """The documents and events of a store written before identities (keyed by name)."""
    documents = db.execute(f"SELECT {_SCHEMA_1_DOCUMENT} FROM documents").fetchall()
    events = db.execute(f"SELECT doc_id, {_EVENT_COLUMNS} FROM events ORDER BY id").fetchall()
    return documents, events


def _write_schema_1_rows(
    db: sqlite3.Connection, documents: list[tuple], events: list[tuple]
) -> None:
    """The rows of a schema 1 store under their identities (the URL, else the text's digest:
    a stored name cannot tell a record's own id from a file name). Two names for one text
    become one document, with the events of the first."""
    identities: dict[str, str] = {}  # name -> identity, of the documents kept
    kept: set[str] = set()
    for doc_id, title, published, language, url, source, text, stored_at in documents:
        identity = document_identity(text, url)
        if identity in kept:
            continue
        identities[doc_id] = identity
        kept.add(identity)
        db.execute(
            "INSERT INTO documents (identity, doc_id, title, published, language, url, source,"
            " text, text_sha256, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                identity,
                doc_id,
                title,
                published,
                language,
                url,
                source,
                text,
                text_digest(text),
                stored_at,
            ),
        )
    db.executemany(
        f"INSERT INTO events (identity, {_EVENT_COLUMNS})"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(identities[row[0]], *row[1:]) for row in events if row[0] in identities],
    )
