"""The upgrades of stores written by earlier rasd versions, SQLite files all: schema 1
(documents keyed by their name) to 2 (keyed by identity), and 2 to 3 (happenings, the folded
search columns). Each runs in the caller's transaction: all of an upgrade or none of it."""

from __future__ import annotations

import json

from sqlalchemy import Connection, insert

from rasd.io.identity import document_identity, text_digest
from rasd.io.store.rows import SEPARATOR, actor_words, folded, search_text
from rasd.io.store.schema import events, metadata
from rasd.io.store.search_index import create_search_index
from rasd.io.store.storing import insert_happening

SCHEMA_2 = (
    """CREATE TABLE documents (
    identity TEXT PRIMARY KEY, doc_id TEXT NOT NULL, title TEXT, published TEXT,
    language TEXT, url TEXT, outlet TEXT, source TEXT, text TEXT NOT NULL,
    text_sha256 TEXT NOT NULL, stored_at TEXT NOT NULL DEFAULT (datetime('now')))""",
    """CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    identity TEXT NOT NULL REFERENCES documents(identity) ON DELETE CASCADE,
    event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL, date_from TEXT, date_to TEXT,
    actor1 TEXT, actor2 TEXT, location TEXT, admin1 TEXT, country TEXT, lat REAL, lon REAL,
    fatalities INTEGER NOT NULL DEFAULT 0, record TEXT NOT NULL)""",
)
EVENT_COLUMNS_2 = (
    "event_type, sub_event_type, date_from, date_to, actor1, actor2, location, admin1, country,"
    " lat, lon, fatalities, record"
)
DOCUMENT_COLUMNS_1 = "doc_id, title, published, language, url, source, text, stored_at"
DOCUMENT_COLUMNS_2 = (
    "identity, doc_id, title, published, language, url, outlet, source, text, text_sha256,"
    " stored_at"
)


def is_schema_1(connection: Connection) -> bool:
    """A store written before identities: its documents have no identity column."""
    columns = {row[1] for row in connection.exec_driver_sql("PRAGMA table_info(documents)")}
    return bool(columns) and "identity" not in columns


def identities(connection: Connection) -> None:
    """Schema 1 to 2: the rows under their identities (the URL, else the text's digest: a
    stored name cannot tell a record's own id from a file name). Two names for one text
    become one document, with the events of the first."""
    old_documents = connection.exec_driver_sql(
        f"SELECT {DOCUMENT_COLUMNS_1} FROM documents"
    ).fetchall()
    old_events = connection.exec_driver_sql(
        f"SELECT doc_id, {EVENT_COLUMNS_2} FROM events ORDER BY id"
    ).fetchall()
    connection.exec_driver_sql("DROP TABLE events")
    connection.exec_driver_sql("DROP TABLE documents")
    for statement in SCHEMA_2:
        connection.exec_driver_sql(statement)
    named: dict[str, str] = {}  # name -> identity, of the documents kept
    for doc_id, title, published, language, url, source, body, stored_at in old_documents:
        identity = document_identity(body, url)
        if identity in named.values():
            continue
        named[doc_id] = identity
        connection.exec_driver_sql(
            "INSERT INTO documents (identity, doc_id, title, published, language, url, source,"
            " text, text_sha256, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (identity, doc_id, title, published, language, url, source, body)
            + (text_digest(body), stored_at),
        )
    for doc_id, *columns in old_events:
        if doc_id in named:
            connection.exec_driver_sql(
                f"INSERT INTO events (identity, {EVENT_COLUMNS_2})"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (named[doc_id], *columns),
            )


def happenings_of_events(connection: Connection) -> None:
    """Schema 2 to 3: the tables made anew, each stored event its own happening, with the
    folded columns the queries search (the evidence sentences read from the stored text)."""
    for statement in (
        "ALTER TABLE events RENAME TO events_2",
        "ALTER TABLE documents RENAME TO documents_2",
        "DROP INDEX IF EXISTS events_by_date",
        "DROP INDEX IF EXISTS events_by_document",
    ):
        connection.exec_driver_sql(statement)
    metadata.create_all(connection)
    create_search_index(connection)
    connection.exec_driver_sql(
        f"INSERT INTO documents ({DOCUMENT_COLUMNS_2}) SELECT {DOCUMENT_COLUMNS_2} FROM documents_2"
    )
    rows = connection.exec_driver_sql(
        f"SELECT e.id, e.identity, d.text, {EVENT_COLUMNS_2} FROM events_2 e"
        " JOIN documents_2 d USING (identity) ORDER BY e.id"
    )
    names = EVENT_COLUMNS_2.split(", ")
    for event_id, identity, body, *values in rows.fetchall():
        columns = dict(zip(names, values))
        try:
            record = json.loads(columns["record"])
        except ValueError:
            record = {}
        record = record if isinstance(record, dict) else {}
        columns["actors"] = SEPARATOR.join(folded(a) for a in actor_words(record))
        columns["search"] = search_text(record, body)
        happening = insert_happening(connection, columns)
        connection.execute(
            insert(events).values(id=event_id, identity=identity, happening_id=happening, **columns)
        )
    connection.exec_driver_sql("DROP TABLE events_2")
    connection.exec_driver_sql("DROP TABLE documents_2")
