"""Writing extraction results: JSON Lines, ACLED-style CSV, GeoJSON and a table for people."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TextIO

from rasd.model import Document, Event


@dataclass
class Result:
    """One document and the events found in it."""

    document: Document
    events: list[Event]

    def to_dict(self) -> dict:
        doc = self.document
        return {
            "doc_id": doc.doc_id,
            "title": doc.title,
            "published": doc.published.isoformat() if doc.published else None,
            "language": doc.language,
            "url": doc.url,
            "warnings": list(doc.warnings),
            "events": [event.to_dict() for event in self.events],
        }


# ACLED's export columns, in ACLED's order.
ACLED_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]

_DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}


def acled_row(event: Event, document: Document, number: int) -> dict[str, object]:
    loc = event.location
    iso = loc.iso if loc and loc.iso else "XX"
    day = event.date_from.isoformat() if event.date_from else ""
    civilian = bool(event.actor2 and event.actor2.name.startswith("Civilians"))
    return {
        "event_id_cnty": f"{iso}-{document.doc_id}-{number}",
        "event_date": day,
        "year": event.date_from.year if event.date_from else "",
        "time_precision": event.time_precision,
        "disorder_type": _DISORDER.get(event.event_type, ""),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1.name if event.actor1 else "",
        "assoc_actor_1": "",
        "inter1": "",
        "actor2": event.actor2.name if event.actor2 else "",
        "assoc_actor_2": "",
        "inter2": "",
        "interaction": "",
        "civilian_targeting": "Civilian targeting" if civilian else "",
        "iso": loc.iso if loc else "",
        "region": "Middle East",
        "country": loc.country if loc else "",
        "admin1": loc.admin1 if loc else "",
        "admin2": loc.admin2 if loc else "",
        "admin3": "",
        "location": loc.name if loc else "",
        "latitude": loc.lat if loc else "",
        "longitude": loc.lon if loc else "",
        "geo_precision": loc.geo_precision if loc else "",
        "source": document.url or document.doc_id,
        "source_scale": "",
        "notes": event.notes,
        "fatalities": event.fatalities,
        "tags": "",
        "timestamp": "",
    }


def write_jsonl(results: Iterable[Result], out: TextIO) -> None:
    for result in results:
        out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        out.flush()


def write_csv(results: Iterable[Result], out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS)
    writer.writeheader()
    for result in results:
        for number, event in enumerate(result.events, 1):
            writer.writerow(acled_row(event, result.document, number))


def write_geojson(results: Iterable[Result], out: TextIO) -> None:
    features = []
    for result in results:
        for event in result.events:
            loc = event.location
            if not loc or loc.lat is None or loc.lon is None:
                continue
            properties = event.to_dict()
            properties["doc_id"] = result.document.doc_id
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [loc.lon, loc.lat]},
                    "properties": properties,
                }
            )
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")


_TABLE_COLUMNS = [
    ("doc", 18),
    ("date", 10),
    ("type", 26),
    ("sub-type", 30),
    ("actor1", 28),
    ("actor2", 28),
    ("place", 22),
    ("admin1", 14),
    ("dead", 4),
]


def table_rows(results: Iterable[Result]) -> list[list[str]]:
    rows = []
    for result in results:
        for event in result.events:
            loc = event.location
            if event.date_from and event.date_to and event.date_from != event.date_to:
                when = f"{event.date_from:%m-%d}..{event.date_to:%m-%d}"
            else:
                when = event.date_from.isoformat() if event.date_from else "?"
            rows.append(
                [
                    result.document.doc_id,
                    when,
                    event.event_type,
                    event.sub_event_type,
                    event.actor1.name if event.actor1 else "-",
                    event.actor2.name if event.actor2 else "-",
                    loc.name if loc else "-",
                    (loc.admin1 or "-") if loc else "-",
                    str(event.fatalities),
                ]
            )
    return rows


def format_table(results: Iterable[Result]) -> str:
    """A fixed-width table, one event a line, for reading in a terminal."""
    rows = table_rows(results)
    lines = ["  ".join(name.ljust(width) for name, width in _TABLE_COLUMNS)]
    lines.append("  ".join("-" * width for _, width in _TABLE_COLUMNS))
    for row in rows:
        cells = [_fit(cell, width).ljust(width) for cell, (_, width) in zip(row, _TABLE_COLUMNS)]
        lines.append("  ".join(cells).rstrip())
    lines.append(f"{len(rows)} event{'' if len(rows) == 1 else 's'}")
    return "\n".join(lines)


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


FORMATS = {"jsonl": write_jsonl, "csv": write_csv, "geojson": write_geojson}
