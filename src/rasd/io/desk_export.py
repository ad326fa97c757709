"""Writing stored events (one per happening, rasd.io.store): ACLED's CSV, GeoJSON with flat
properties (which QGIS reads as they are), JSON Lines, and Parquet (pyarrow: ``pip install
'rasd[parquet]'``).

The CSV is `rasd extract`'s (rasd.io.acled): an event's record made an Event again, its
actors' kinds looked up in the actor dictionary by their ids (for ACLED's interaction codes),
its document the first that reports it; ``event_id_cnty`` ends with the event's id in the
store. GeoJSON and Parquet rows have one flat column a field: the sources are joined with
"; " and counted.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any, BinaryIO, TextIO

from rasd.io.acled import ACLED_COLUMNS, acled_row
from rasd.io.store import EventQuery, Store, StoredEvent
from rasd.model import Actor, Document, Event, Location

PAGE = 1000  # events read from the store at a time
FORMATS = ("csv", "geojson", "jsonl", "parquet")


class ExportError(Exception):
    """The export cannot be written (a missing optional package, say)."""


def stored_events(store: Store, query: EventQuery) -> Iterator[StoredEvent]:
    """Every event the query selects, in date order, read a page at a time."""
    offset = 0
    while True:
        _, page = store.find_events(query, limit=PAGE, offset=offset)
        yield from page
        if len(page) < PAGE:
            return
        offset += PAGE


def _date(value: object) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) and value else None


def _actor(data: object, kinds: Callable[[str], tuple[Any, str | None]] | None) -> Actor | None:
    if not isinstance(data, dict) or not data.get("name"):
        return None
    kind, country = kinds(data["id"]) if kinds and data.get("id") else (None, None)
    return Actor(data["name"], data.get("text") or "", data.get("id"), kind, country)


def event_of(record: dict, kinds: Callable[[str], tuple[Any, str | None]] | None = None) -> Event:
    """The Event of a stored record (what ``Event.to_dict()`` gave), evidence aside."""
    loc = record.get("location")
    location = None
    if isinstance(loc, dict) and loc.get("name"):
        fields = ("lat", "lon", "name_ar", "text", "admin1", "admin2", "country", "iso")
        location = Location(
            loc["name"],
            **{k: loc.get(k) for k in fields},
            geo_precision=loc.get("geo_precision") or 1,
        )
    return Event(
        event_type=record["event_type"],
        sub_event_type=record["sub_event_type"],
        plover=record.get("plover") or "",
        date_from=_date(record.get("date_from")),
        date_to=_date(record.get("date_to")),
        time_precision=record.get("time_precision") or 1,
        actor1=_actor(record.get("actor1"), kinds),
        actor2=_actor(record.get("actor2"), kinds),
        location=location,
        fatalities=record.get("fatalities") or 0,
        injuries=record.get("injuries") or 0,
        fatalities_known=bool(record.get("fatalities_known")),
        weapons=list(record.get("weapons") or []),
        confidence=record.get("confidence") or 0.5,
        notes=record.get("notes") or "",
    )


def _actor_kinds() -> Callable[[str], tuple[Any, str | None]]:
    """The kind and country of an actor of the dictionary by its id ((None, None) if not
    there)."""
    from rasd.knowledge.actors import ActorDictionary

    actors = ActorDictionary.load()

    def kind_of(actor_id: str) -> tuple[Any, str | None]:
        try:
            entry = actors.by_id(actor_id)
        except KeyError:
            return None, None
        return entry.kind, entry.country

    return kind_of


def write_csv(events: Iterable[StoredEvent], out: TextIO, bom: bool = False) -> None:
    """ACLED's columns, one row an event."""
    if bom:
        out.write("\ufeff")
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS)
    writer.writeheader()
    kinds = _actor_kinds()
    now = int(time.time())
    for stored in events:
        first = stored.sources[0]
        document = Document(
            first.doc_id, "", url=first.url, identity=first.identity, outlet=first.outlet
        )
        writer.writerow(acled_row(event_of(stored.record, kinds), document, stored.id, now))


def flat(stored: StoredEvent) -> dict[str, object]:
    """The event as one flat row: a column a field, the sources joined."""
    record = stored.record
    loc = record.get("location") or {}
    a1, a2 = record.get("actor1") or {}, record.get("actor2") or {}
    sources = stored.sources
    return {
        "id": stored.id,
        "event_type": record.get("event_type"),
        "sub_event_type": record.get("sub_event_type"),
        "date_from": record.get("date_from"),
        "date_to": record.get("date_to"),
        "time_precision": record.get("time_precision"),
        "actor1": a1.get("name"),
        "actor2": a2.get("name"),
        "location": loc.get("name"),
        "admin1": loc.get("admin1"),
        "admin2": loc.get("admin2"),
        "country": loc.get("country"),
        "iso": loc.get("iso"),
        "lat": loc.get("lat"),
        "lon": loc.get("lon"),
        "geo_precision": loc.get("geo_precision"),
        "fatalities": record.get("fatalities"),
        "injuries": record.get("injuries"),
        "weapons": "; ".join(record.get("weapons") or []),
        "confidence": record.get("confidence"),
        "notes": record.get("notes"),
        "source_count": len(sources),
        "urls": "; ".join(s.url for s in sources if s.url),
        "outlets": "; ".join(dict.fromkeys(s.outlet for s in sources if s.outlet)),
        "documents": "; ".join(s.identity for s in sources),
        "published": min((s.published for s in sources if s.published), default=None),
    }


def write_geojson(events: Iterable[StoredEvent], out: TextIO) -> None:
    """A FeatureCollection of the events that have coordinates, properties flat."""
    out.write('{"type": "FeatureCollection", "features": [')
    first = True
    for stored in events:
        row = flat(stored)
        if row["lat"] is None or row["lon"] is None:
            continue
        feature = {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
            "properties": row,
        }
        out.write(("\n" if first else ",\n") + json.dumps(feature, ensure_ascii=False))
        first = False
    out.write("\n]}\n")


def write_jsonl(events: Iterable[StoredEvent], out: TextIO) -> None:
    """One line an event: its id, its record and its sources."""
    for stored in events:
        line = {
            "id": stored.id,
            **stored.record,
            "documents": [vars(source) for source in stored.sources],
        }
        out.write(json.dumps(line, ensure_ascii=False) + "\n")


def write_parquet(events: Iterable[StoredEvent], out: BinaryIO) -> None:
    """The flat rows, and the record as JSON, in one Parquet file."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ExportError("--format parquet needs pyarrow (pip install 'rasd[parquet]')") from None
    rows = [{**flat(s), "record": json.dumps(s.record, ensure_ascii=False)} for s in events]
    table = pa.Table.from_pylist(rows) if rows else pa.table({"id": pa.array([], pa.int64())})
    pq.write_table(table, out)
