"""The store's tables, one definition for SQLite and PostgreSQL (SQLAlchemy Core).

A document is stored under its identity (rasd.io.identity). Each event it gives is a row of
``events``, the document's report of a happening; a happening (``happenings``) is one thing
that happened, reported by one document or more, and carries the record the queries filter
and return: the record of its one report, or the reports merged (rasd.desk.dedup).
``rasd_schema`` holds the schema's version (rasd.io.store.migrations).

Columns the queries filter on are copied out of the records: the dates (ISO strings, which
sort as dates), the place, the type, ``actors`` (the actors' names and words, folded) and
``search`` (the place, actors, notes and evidence sentences, folded: rasd.io.store.rows).
``sort_date`` is the first day, or a day after every real one for an undated happening, so
that one index serves "date order, then id" on both databases; ``days`` is how many days a
happening spans, by which a date range is found through that index too.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
)

VERSION = 3  # the schema this rasd writes; 1 and 2 were SQLite's (PRAGMA user_version)
UNDATED = "9999-12-31"  # the sort_date of a happening of no known date: after every other

metadata = MetaData()

schema_version = Table(
    "rasd_schema",
    metadata,
    Column("version", Integer, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("identity", Text, primary_key=True),
    Column("doc_id", Text, nullable=False),
    Column("title", Text),
    Column("published", Text),  # ISO 8601 with its offset, as the document gave it
    Column("language", Text),
    Column("url", Text),
    Column("outlet", Text),
    Column("source", Text),
    Column("text", Text, nullable=False),
    Column("text_sha256", Text, nullable=False),
    Column("stored_at", Text, nullable=False),
)


def _filter_columns() -> list[Column]:
    """The columns an event and a happening both copy out of their record, to filter on."""
    return [
        Column("event_type", Text, nullable=False),
        Column("sub_event_type", Text, nullable=False),
        Column("date_from", Text),
        Column("date_to", Text),
        Column("actor1", Text),
        Column("actor2", Text),
        Column("location", Text),
        Column("admin1", Text),
        Column("country", Text),
        Column("lat", Float),
        Column("lon", Float),
        Column("fatalities", Integer, nullable=False),
    ]


def _text_columns() -> list[Column]:
    """The long columns of an event or a happening: the folded texts and the record."""
    return [
        Column("actors", Text, nullable=False),
        Column("search", Text, nullable=False),
        Column("record", Text, nullable=False),  # the record as JSON
    ]


# The happenings' filter columns, short rows that a query reads by the ten thousand; their
# long columns are in happening_texts, read for a page of results.
happenings = Table(
    "happenings",
    metadata,
    Column("id", Integer, primary_key=True),
    *_filter_columns(),
    Column("sort_date", Text, nullable=False),
    Column("days", Integer, nullable=False),  # date_to - date_from, 0 when undated
    Index("happenings_by_date", "sort_date", "id"),
    Index("happenings_by_country", "country", "event_type", "sort_date"),
    Index("happenings_by_type", "event_type", "sort_date"),
    Index("happenings_by_admin1", "admin1", "sort_date"),
    Index("happenings_by_place", "lat", "lon", "sort_date"),
    Index("happenings_by_length", "days"),
)

happening_texts = Table(
    "happening_texts",
    metadata,
    Column("id", Integer, ForeignKey("happenings.id", ondelete="CASCADE"), primary_key=True),
    *_text_columns(),
    Column("disputed", Text),  # JSON: what the reports disagree on (rasd.desk.dedup), or null
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "identity",
        Text,
        ForeignKey("documents.identity", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("happening_id", Integer, ForeignKey("happenings.id"), nullable=False),
    *_filter_columns(),
    *_text_columns(),
    Index("events_by_document", "identity"),
    Index("events_by_happening", "happening_id"),
    Index("events_by_date", "date_from"),
)

FILTER_FIELDS = tuple(column.name for column in _filter_columns())
TEXT_FIELDS = tuple(column.name for column in _text_columns())
EVENT_FIELDS = FILTER_FIELDS + TEXT_FIELDS
