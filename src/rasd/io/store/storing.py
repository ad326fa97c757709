"""Writing one document and its events, in the caller's transaction.

The document replaces any stored one of its identity, with its events. Each event joins the
happening it reports: a stored one when rasd.desk.dedup judges it the same happening as every
report of it (none of them from this document), else a new one. Happenings left with no
report are removed, and those whose reports changed get their record anew (the reports
merged by rasd.desk.dedup). Nothing here commits: the caller's one transaction makes the
whole of a document stored or not at all.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, delete, func, insert, select, update

from rasd.desk import dedup
from rasd.io.export import Result
from rasd.io.identity import document_identity, text_digest
from rasd.io.store.rows import joined, record_columns, search_text
from rasd.io.store.schema import (
    EVENT_FIELDS,
    FILTER_FIELDS,
    TEXT_FIELDS,
    UNDATED,
    documents,
    events,
    happening_texts,
    happenings,
)
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


def write_result(connection: Connection, result: Result, group: bool = True) -> Ingested:
    """Store a document and its events (see the module's docstring); with ``group`` False,
    each event is a happening of its own (a bulk load of events known to be distinct)."""
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
        happening = _same_happening(connection, record, identity) if group else None
        if happening is None:
            happening = insert_happening(connection, columns)
            new += 1
        else:
            touched.add(happening)
            merged += 1
        connection.execute(
            insert(events).values(identity=identity, happening_id=happening, **columns)
        )
    refresh_happenings(connection, touched)
    return Ingested(stored is None, new, merged)


def _candidates(connection: Connection, record: dict) -> list[int]:
    """The stored happenings that may be the record's: in its country, their days within
    reach of its days (the slack dedup allows a publication day included)."""
    location = record.get("location") or {}
    first, last = record.get("date_from"), record.get("date_to") or record.get("date_from")
    if not location or not first:
        return []  # dedup judges a record with no place or no date its own happening
    h = happenings.c
    slack = dedup.RULES.publication_day_slack + dt.timedelta(days=1)
    longest = connection.execute(select(func.max(h.days))).scalar() or 0
    start = dt.date.fromisoformat(str(first)[:10]) - slack
    conditions = [
        h.sort_date >= (start - dt.timedelta(days=longest)).isoformat(),
        h.sort_date <= (dt.date.fromisoformat(str(last)[:10]) + slack).isoformat(),
        h.date_to >= start.isoformat(),
    ]
    if location.get("country"):
        conditions.append(h.country == location["country"])
    return list(connection.execute(select(h.id).where(*conditions).order_by(h.id)).scalars())


def _same_happening(connection: Connection, record: dict, identity: str) -> int | None:
    """The stored happening this record reports too (rasd.desk.dedup: every one of its
    reports the same happening, none from this document), or None."""
    e = events.c
    for happening in _candidates(connection, record):
        reports = connection.execute(
            select(e.identity, e.record).where(e.happening_id == happening)
        ).all()
        if all(
            source != identity and dedup.same_happening(record, json.loads(stored))
            for source, stored in reports
        ):
            return happening
    return None


def _day_columns(columns: dict[str, object]) -> dict[str, object]:
    """sort_date and days of a happening of these columns."""
    first, last = columns.get("date_from"), columns.get("date_to")
    days = 0
    if isinstance(first, str) and isinstance(last, str):
        try:
            days = (dt.date.fromisoformat(last) - dt.date.fromisoformat(first)).days
        except ValueError:
            days = 0
    return {"sort_date": first if isinstance(first, str) and first else UNDATED, "days": days}


def insert_happening(connection: Connection, columns: dict[str, object]) -> int:
    """A new happening of these columns (record_columns); its id."""
    filters = {name: columns[name] for name in FILTER_FIELDS}
    inserted = connection.execute(
        insert(happenings).values(**filters, **_day_columns(columns))
    ).inserted_primary_key
    assert inserted is not None  # an INSERT of one row
    happening = int(inserted[0])
    texts = {name: columns[name] for name in TEXT_FIELDS}
    connection.execute(insert(happening_texts).values(id=happening, **texts))
    return happening


def _update_happening(
    connection: Connection, happening: int, columns: dict[str, object], disputed: str | None
) -> None:
    filters = {name: columns[name] for name in FILTER_FIELDS}
    connection.execute(
        update(happenings)
        .where(happenings.c.id == happening)
        .values(**filters, **_day_columns(columns))
    )
    texts = {name: columns[name] for name in TEXT_FIELDS}
    connection.execute(
        update(happening_texts)
        .where(happening_texts.c.id == happening)
        .values(**texts, disputed=disputed)
    )


def refresh_happenings(connection: Connection, ids: Iterable[int]) -> None:
    """Remove the happenings left with no report; give the others the record of their
    reports."""
    e = events.c
    for happening in sorted(ids):
        reports = connection.execute(
            select(*(e[name] for name in EVENT_FIELDS), e.identity, documents.c.outlet)
            .join(documents, documents.c.identity == e.identity)
            .where(e.happening_id == happening)
            .order_by(e.id)
        ).all()
        if not reports:
            connection.execute(delete(happening_texts).where(happening_texts.c.id == happening))
            connection.execute(delete(happenings).where(happenings.c.id == happening))
            continue
        if len(reports) == 1:
            columns, disputed = dict(reports[0]._mapping), None
        else:
            merged = dedup.merge(
                [dedup.Report(r.identity, r.outlet, json.loads(r.record)) for r in reports]
            )
            columns = record_columns(merged.record, "")
            disputed = json.dumps(merged.disputed, ensure_ascii=False) if merged.disputed else None
        columns["search"] = joined(r.search for r in reports)
        columns["actors"] = joined(r.actors for r in reports)
        _update_happening(connection, happening, columns, disputed)
