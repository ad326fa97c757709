"""Writing one document and its events, in the caller's transaction.

The document replaces any stored one of its identity, with its events; each event joins the
happening it reports, a new one unless a stored happening is the same (rasd.desk.dedup,
where present); happenings left with no report are removed, and those whose reports changed
get their record anew. Nothing here commits: the caller's one transaction makes the whole of
a document stored or not at all.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, delete, insert, select, update

from rasd.io.export import Result
from rasd.io.identity import document_identity, text_digest
from rasd.io.store.rows import joined, record_columns, search_text, sort_date
from rasd.io.store.schema import EVENT_FIELDS, documents, events, happenings
from rasd.model import Document


@dataclass(frozen=True)
class Ingested:
    """What storing one document did."""

    new: bool  # the document was not stored before (else it replaced the stored one)
    events_new: int  # its events that are new happenings
    events_merged: int  # its events that joined a happening already stored


def identity_of(document: Document) -> str:
    """The document's identity; one made by hand without it is identified as ingestion
    would."""
    return document.identity or document_identity(document.text, document.url)


def _document_row(document: Document, identity: str) -> dict[str, object]:
    return {
        "identity": identity,
        "doc_id": document.doc_id,
        "title": document.title,
        "published": document.published.isoformat() if document.published else None,
        "language": document.language,
        "url": document.url,
        "outlet": document.outlet,
        "source": document.source,
        "text": document.text,
        "text_sha256": text_digest(document.text),
        "stored_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }


def write_result(connection: Connection, result: Result) -> Ingested:
    """Store a document and its events (see the module's docstring)."""
    doc = result.document
    identity = identity_of(doc)
    d, e = documents.c, events.c
    stored = connection.execute(select(d.identity).where(d.identity == identity)).first()
    touched = set(
        connection.execute(select(e.happening_id).where(e.identity == identity)).scalars()
    )
    connection.execute(delete(events).where(e.identity == identity))
    row = _document_row(doc, identity)
    if stored is None:
        connection.execute(insert(documents).values(**row))
    else:
        connection.execute(update(documents).where(d.identity == identity).values(**row))
    new = merged = 0
    for event in result.events:
        record = event.to_dict()
        columns = record_columns(record, search_text(record, doc.text))
        happening = _same_happening(connection, record, identity)
        if happening is None:
            happening = connection.execute(
                insert(happenings).values(**columns, sort_date=sort_date(record))
            ).inserted_primary_key[0]
            new += 1
        else:
            touched.add(happening)
            merged += 1
        connection.execute(
            insert(events).values(identity=identity, happening_id=happening, **columns)
        )
    refresh_happenings(connection, touched)
    return Ingested(stored is None, new, merged)


def _same_happening(connection: Connection, record: dict, identity: str) -> int | None:
    """The stored happening this record reports too, or None: every event is its own
    happening until rasd.desk.dedup says otherwise."""
    return None


def refresh_happenings(connection: Connection, ids: Iterable[int]) -> None:
    """Remove the happenings left with no report; give the others the record of their
    reports."""
    e = events.c
    for happening in sorted(ids):
        reports = connection.execute(
            select(*(e[name] for name in EVENT_FIELDS))
            .where(e.happening_id == happening)
            .order_by(e.id)
        ).all()
        if not reports:
            connection.execute(delete(happenings).where(happenings.c.id == happening))
            continue
        columns = dict(reports[0]._mapping)
        columns["search"] = joined(r.search for r in reports)
        columns["actors"] = joined(r.actors for r in reports)
        record = json.loads(columns["record"])
        connection.execute(
            update(happenings)
            .where(happenings.c.id == happening)
            .values(**columns, sort_date=sort_date(record), disputed=None)
        )
