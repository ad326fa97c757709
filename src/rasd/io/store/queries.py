"""Reading the store: the events (one per happening, with every document that reports it)
that a query's filters select, page by page, counted by day or type.

The text filters compare folded strings (rasd.io.store.rows.folded): a query in Arabic finds
the same words written with another hamza, alef or ta marbuta, with or without diacritics
or tatweel; one in English finds them in any case.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    and_,
    bindparam,
    func,
    literal_column,
    or_,
    select,
    text,
    true,
)

from rasd.io.store.rows import folded
from rasd.io.store.schema import documents, events, happening_texts, happenings
from rasd.io.store.search_index import FTS_TABLES, SHORTEST_INDEXED, fts_phrase

GROUPINGS = ("day", "type")  # what counts() counts by
# a page of a text or actor search is read in date order (see _folded_match) when the
# matches are this many times as many as the rows up to the page's end
PROBED_FROM = 20


@dataclass(frozen=True)
class EventQuery:
    """Which events: every field optional, None meaning any."""

    date_from: dt.date | None = None  # events whose [date_from, date_to] overlaps the range
    date_to: dt.date | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north (lon/lat)
    country: str | None = None  # the event's country as stored (e.g. "Syria")
    admin1: str | None = None
    event_type: str | None = None  # ACLED's event_type, e.g. "Battles"
    actor: str | None = None  # in actor1 or actor2, folded, as a substring
    text: str | None = None  # in the place, actors, notes and evidence sentences, folded


@dataclass(frozen=True)
class SourceRef:
    """One document that reports an event."""

    identity: str
    doc_id: str
    url: str | None
    outlet: str | None
    title: str | None
    published: str | None  # ISO date-time or None


@dataclass(frozen=True)
class StoredEvent:
    """One happening: its record and the documents that report it."""

    id: int  # stable id in the store
    record: dict  # Event.to_dict() as stored (evidence spans included)
    sources: list[SourceRef]  # at least one
    # what its sources disagree on (rasd.desk.dedup): field -> [[source identity, its value]]
    disputed: dict = field(default_factory=dict, compare=False)


def _like(value: str) -> str:
    """A LIKE pattern for ``value`` as a substring (its %, _ and \\ taken literally)."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _folded_match(
    connection: Connection, column: str, query: str, probed: bool = False
) -> ColumnElement[bool]:
    """Happenings whose folded ``column`` (search or actors) holds the folded query. When
    ``probed``, the matches are a set each row in date order is looked up in (``id + 0``:
    not the row's key), for a page of a query that matches many."""
    wanted = folded(query)
    if connection.dialect.name == "sqlite" and len(wanted) >= SHORTEST_INDEXED:
        table = FTS_TABLES[column]
        # unique: an actor and a text search in one query are two parameters
        phrase = bindparam("phrase", fts_phrase(wanted), unique=True)
        matching = text(f"SELECT rowid FROM {table} WHERE {table} MATCH :phrase").bindparams(phrase)
        key = happenings.c.id + 0 if probed else happenings.c.id
        return key.in_(matching.columns(literal_column("rowid")))
    texts = select(happening_texts.c.id).where(
        happening_texts.c[column].like(_like(wanted), escape="\\")
    )
    return happenings.c.id.in_(texts)


def _longest_span(connection: Connection) -> int:
    """The most days a stored happening spans."""
    return int(connection.execute(select(func.max(happenings.c.days))).scalar() or 0)


def conditions(
    connection: Connection, query: EventQuery, probed: bool = False
) -> list[ColumnElement[bool]]:
    """The WHERE clauses of a query over the happenings table (``probed``: see
    _folded_match)."""
    h = happenings.c
    found: list[ColumnElement[bool]] = []
    if query.date_from is not None:
        # through the date index: no happening that overlaps the range starts before this
        earliest = query.date_from - dt.timedelta(days=_longest_span(connection))
        found += [h.sort_date >= earliest.isoformat(), h.date_to >= query.date_from.isoformat()]
    if query.date_to is not None:
        found += [h.sort_date <= query.date_to.isoformat(), h.date_from.is_not(None)]
    if query.bbox is not None:
        west, south, east, north = query.bbox
        found.append(h.lat.between(south, north))
        if west <= east:
            found.append(h.lon.between(west, east))
        else:  # a box across the antimeridian
            found.append(or_(h.lon >= west, h.lon <= east))
    for column, value in (
        (h.country, query.country),
        (h.admin1, query.admin1),
        (h.event_type, query.event_type),
    ):
        if value is not None:
            found.append(column == _no_nul(value))
    for column_name, value in (("actors", query.actor), ("search", query.text)):
        if value is not None and folded(_no_nul(value)):
            found.append(_folded_match(connection, column_name, _no_nul(value), probed))
    return found


def _no_nul(value: str) -> str:
    """A filter's text without NUL characters, which no stored text holds: FTS5 reads one as
    the end of its phrase, and PostgreSQL refuses a string with one."""
    return value.replace("\x00", "")


def _selected(
    connection: Connection, query: EventQuery, columns: list, probed: bool = False
) -> Select:
    return (
        select(*columns)
        .select_from(happenings)
        .where(and_(true(), *conditions(connection, query, probed)))
    )


def find_events(
    connection: Connection, query: EventQuery, limit: int, offset: int
) -> tuple[int, list[StoredEvent]]:
    """(how many happenings match, one page of them), in date order, then by id."""
    h = happenings.c
    total = connection.execute(_selected(connection, query, [func.count()])).scalar_one()
    # many matches: the page is found sooner by reading in date order than by sorting them all
    probed = total >= PROBED_FROM * (max(offset, 0) + max(limit, 0))
    page = connection.execute(
        _selected(connection, query, [h.id], probed)
        .order_by(h.sort_date, h.id)
        .limit(max(limit, 0))
        .offset(max(offset, 0))
    ).scalars()
    return total, stored_events(connection, list(page))


def stored_events(connection: Connection, ids: list[int]) -> list[StoredEvent]:
    """The StoredEvents of these happenings, in this order (those not stored left out)."""
    t = happening_texts.c
    rows = connection.execute(select(t.id, t.record, t.disputed).where(t.id.in_(ids))).all()
    texts = {row.id: row for row in rows}
    sources = sources_of(connection, ids)
    return [
        StoredEvent(
            happening,
            json.loads(texts[happening].record),
            sources.get(happening, []),
            json.loads(texts[happening].disputed or "{}"),
        )
        for happening in ids
        if happening in texts
    ]


def sources_of(connection: Connection, ids: list[int]) -> dict[int, list[SourceRef]]:
    """The documents that report each of these happenings, the earliest published first."""
    if not ids:
        return {}
    d = documents.c
    rows = connection.execute(
        select(events.c.happening_id, d.identity, d.doc_id, d.url, d.outlet, d.title, d.published)
        .join(documents, events.c.identity == d.identity)
        .where(events.c.happening_id.in_(ids))
        .distinct()
        .order_by(events.c.happening_id, d.published, d.identity)
    ).all()
    found: dict[int, list[SourceRef]] = {}
    for happening, *values in rows:
        found.setdefault(happening, []).append(SourceRef(*values))
    return found


def counts(connection: Connection, query: EventQuery, by: str) -> dict[str, int]:
    """How many happenings match, by first day (ISO dates, undated ones left out) or by
    event type."""
    if by not in GROUPINGS:
        raise ValueError(f"counts by {by!r}: by must be one of {', '.join(GROUPINGS)}")
    key = happenings.c.date_from if by == "day" else happenings.c.event_type
    rows = connection.execute(
        _selected(connection, query, [key, func.count()])
        .where(key.is_not(None))
        .group_by(key)
        .order_by(key)
    ).all()
    return {str(value): int(number) for value, number in rows}


def document_page(connection: Connection, limit: int, offset: int) -> tuple[int, list[SourceRef]]:
    """(how many documents are stored, one page of them), the latest published first."""
    d = documents.c
    total = connection.execute(select(func.count()).select_from(documents)).scalar_one()
    rows = connection.execute(
        select(d.identity, d.doc_id, d.url, d.outlet, d.title, d.published)
        .order_by(d.published.desc().nulls_last(), d.identity)
        .limit(max(limit, 0))
        .offset(max(offset, 0))
    ).all()
    return total, [SourceRef(*row) for row in rows]
