"""The event store: one SQLite file, nothing to start.

Documents and their events are written in one transaction per document, so a failure on one
input never loses or half-writes what was already stored. Re-ingesting a document replaces
its events.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from rasd.io.export import Result
from rasd.model import Document

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY,
    title TEXT,
    published TEXT,
    language TEXT,
    url TEXT,
    source TEXT,
    text TEXT NOT NULL,
    stored_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
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
);
CREATE INDEX IF NOT EXISTS events_by_date ON events(date_from);
CREATE INDEX IF NOT EXISTS events_by_doc ON events(doc_id);
"""


class StoreError(Exception):
    """The store file cannot be opened or written."""


class Store:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self._db = sqlite3.connect(self.path)
            self._db.execute("PRAGMA foreign_keys = ON")
            self._db.executescript(SCHEMA)
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{self.path}: not a usable rasd store ({err})") from err

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    def add(self, result: Result) -> None:
        """Store a document and its events, replacing what was stored for the same doc_id."""
        doc = result.document
        with self._db:
            self._db.execute("DELETE FROM events WHERE doc_id = ?", (doc.doc_id,))
            self._db.execute(
                "INSERT OR REPLACE INTO documents (doc_id, title, published, language, url,"
                " source, text) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    doc.doc_id,
                    doc.title,
                    doc.published.isoformat() if doc.published else None,
                    doc.language,
                    doc.url,
                    doc.source,
                    doc.text,
                ),
            )
            for event in result.events:
                record = event.to_dict()
                loc = event.location
                self._db.execute(
                    "INSERT INTO events (doc_id, event_type, sub_event_type, date_from, date_to,"
                    " actor1, actor2, location, admin1, country, lat, lon, fatalities, record)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        doc.doc_id,
                        event.event_type,
                        event.sub_event_type,
                        record["date_from"],
                        record["date_to"],
                        event.actor1.name if event.actor1 else None,
                        event.actor2.name if event.actor2 else None,
                        loc.name if loc else None,
                        loc.admin1 if loc else None,
                        loc.country if loc else None,
                        loc.lat if loc else None,
                        loc.lon if loc else None,
                        event.fatalities,
                        json.dumps(record, ensure_ascii=False),
                    ),
                )

    def count(self) -> tuple[int, int]:
        """(documents, events) stored."""
        docs = self._db.execute("SELECT count(*) FROM documents").fetchone()[0]
        events = self._db.execute("SELECT count(*) FROM events").fetchone()[0]
        return docs, events

    def event_records(self) -> Iterator[tuple[str, dict]]:
        """(doc_id, event record) pairs, oldest event first."""
        rows = self._db.execute("SELECT doc_id, record FROM events ORDER BY date_from, id")
        for doc_id, record in rows:
            yield doc_id, json.loads(record)

    def document(self, doc_id: str) -> Document | None:
        row = self._db.execute(
            "SELECT doc_id, text, title, language, url, source FROM documents WHERE doc_id = ?",
            (doc_id,),
        ).fetchone()
        if row is None:
            return None
        return Document(
            doc_id=row[0], text=row[1], title=row[2], language=row[3], url=row[4], source=row[5]
        )
