"""Writing extraction results: JSON Lines, ACLED-style CSV, GeoJSON and a table for people.

``jsonl_line``, ``csv_lines`` and ``geojson_features`` give one result's share of the output,
which `--workers N` makes in its worker processes; the writers put those shares together."""

from __future__ import annotations

import csv
import io
import json
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TextIO

from rasd.io.acled import ACLED_COLUMNS, acled_row
from rasd.model import Document, Event

__all__ = [
    "ACLED_COLUMNS",
    "FORMATS",
    "Result",
    "acled_row",
    "csv_header",
    "csv_lines",
    "format_table",
    "geojson_features",
    "geojson_text",
    "jsonl_line",
    "write_csv",
    "write_geojson",
    "write_jsonl",
]


@dataclass
class Result:
    """One document and the events found in it."""

    document: Document
    events: list[Event]
    extracted_at: int = field(default_factory=lambda: int(time.time()))  # Unix time

    def to_dict(self) -> dict:
        doc = self.document
        return {
            "doc_id": doc.doc_id,
            "identity": doc.identity,
            "title": doc.title,
            "published": doc.published.isoformat() if doc.published else None,
            "language": doc.language,
            "url": doc.url,
            "warnings": list(doc.warnings),
            "events": [event.to_dict() for event in self.events],
        }


def jsonl_line(result: Result) -> str:
    """The JSON Lines record of one result, its line end included."""
    return json.dumps(result.to_dict(), ensure_ascii=False) + "\n"


def write_jsonl(results: Iterable[Result], out: TextIO) -> None:
    for result in results:
        out.write(jsonl_line(result))
        out.flush()


def csv_header(bom: bool = False) -> str:
    """The CSV's first line, ACLED's columns; with ``bom`` after a UTF-8 byte-order mark, by
    which Excel knows the file is UTF-8 (without it, it shows the Arabic as garbage)."""
    buffer = io.StringIO()
    csv.DictWriter(buffer, fieldnames=ACLED_COLUMNS).writeheader()
    return ("\ufeff" if bom else "") + buffer.getvalue()


def csv_lines(result: Result) -> str:
    """The CSV rows of one result, one an event."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=ACLED_COLUMNS)
    for number, event in enumerate(result.events, 1):
        writer.writerow(acled_row(event, result.document, number, result.extracted_at))
    return buffer.getvalue()


def write_csv(results: Iterable[Result], out: TextIO, bom: bool = False) -> None:
    """ACLED's columns, one row per event; ``bom`` writes a UTF-8 byte-order mark first."""
    out.write(csv_header(bom))
    for result in results:
        out.write(csv_lines(result))


def geojson_features(result: Result) -> list[dict]:
    """The GeoJSON points of one result's events that have a place with coordinates."""
    features = []
    for event in result.events:
        loc = event.location
        if not loc or loc.lat is None or loc.lon is None:
            continue
        properties = event.to_dict()
        properties["doc_id"] = result.document.doc_id
        properties["identity"] = result.document.identity
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [loc.lon, loc.lat]},
                "properties": properties,
            }
        )
    return features


def geojson_text(features: Iterable[str]) -> str:
    """The FeatureCollection of features already in JSON (json.dumps of each), as json.dump
    writes the whole collection."""
    return '{"type": "FeatureCollection", "features": [' + ", ".join(features) + "]}\n"


def write_geojson(results: Iterable[Result], out: TextIO) -> None:
    features = [feature for result in results for feature in geojson_features(result)]
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
