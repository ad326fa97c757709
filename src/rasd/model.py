"""The typed records that pass between rasd's stages.

source -> Document -> sentences -> mentions -> candidate events -> Event
Every offset in these records points into ``Document.text`` (the clean text).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, NamedTuple


class Span(NamedTuple):
    """Characters ``text[start:end]`` of the clean document text. (A named tuple: spans are
    made by the thousand per article.)"""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass
class Document:
    """One article after ingestion: clean text plus what is known about it."""

    doc_id: str
    text: str
    title: str | None = None
    published: dt.datetime | None = None
    language: str = "other"  # "ar", "en" or "other"
    url: str | None = None
    source: str | None = None  # where it was read from: a path, "stdin:3", ...
    warnings: list[str] = field(default_factory=list)
    # what makes it the same document as another (rasd.io.identity): "url:...", "id:..." or
    # "sha256:..." of the text; ``doc_id`` is its name (a file's, a record's), not its identity
    identity: str = ""
    outlet: str | None = None  # the outlet that published it, as the page or record names it


class DateRange(NamedTuple):
    """A resolved time: the days an event certainly lies in.

    ``precision`` follows ACLED's time_precision: 1 day, 2 week or a few days, 3 month or more.
    """

    date_from: dt.date
    date_to: dt.date
    precision: int = 1
    span: Span | None = None

    def contains(self, other: DateRange) -> bool:
        return self.date_from <= other.date_from and other.date_to <= self.date_to

    def overlaps(self, other: DateRange) -> bool:
        return self.date_from <= other.date_to and other.date_from <= self.date_to


def date_span(date: DateRange) -> Span:
    """Where a date read from the text stands (a date the text gives always has its span;
    only a day taken from elsewhere, the publication day, has none)."""
    span = date.span
    assert span is not None, date
    return span


@dataclass
class Actor:
    name: str  # canonical English name
    text: str  # the words in the text
    id: str | None = None  # stable id from the actor dictionary; None for plain-text actors
    kind: str | None = None  # state forces, rebel group, militia, civilians, ...
    country: str | None = None
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "text": self.text, "id": self.id}


@dataclass
class Location:
    name: str
    lat: float | None = None
    lon: float | None = None
    name_ar: str | None = None
    text: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    iso: str | None = None
    geo_precision: int = (
        1  # ACLED: 1 the place itself, 2 near it / part of a region, 3 a larger area
    )
    kind: str | None = None
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        # written out: dataclasses.asdict deep-copies every field, the span included, and was
        # the largest cost of writing events (in the main process of `--workers N`)
        return {
            "name": self.name,
            "lat": self.lat,
            "lon": self.lon,
            "name_ar": self.name_ar,
            "text": self.text,
            "admin1": self.admin1,
            "admin2": self.admin2,
            "country": self.country,
            "iso": self.iso,
            "geo_precision": self.geo_precision,
        }


@dataclass
class Event:
    event_type: str
    sub_event_type: str
    plover: str
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    time_precision: int = 1
    actor1: Actor | None = None
    actor2: Actor | None = None
    claimed_by: Actor | None = None
    denied_by: Actor | None = None
    location: Location | None = None
    fatalities: int = 0
    injuries: int = 0
    fatalities_known: bool = False
    weapons: list[str] = field(default_factory=list)
    evidence: dict[str, Span] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    confidence: float = 0.5
    notes: str = ""

    @property
    def date(self) -> dt.date | None:
        return self.date_from if self.date_from == self.date_to else None

    def to_dict(self) -> dict[str, Any]:
        def actor(a: Actor | None) -> dict[str, Any] | None:
            return a.to_dict() if a else None

        return {
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "plover": self.plover,
            "date": self.date.isoformat() if self.date else None,
            "date_from": self.date_from.isoformat() if self.date_from else None,
            "date_to": self.date_to.isoformat() if self.date_to else None,
            "time_precision": self.time_precision,
            "actor1": actor(self.actor1),
            "actor2": actor(self.actor2),
            "claimed_by": actor(self.claimed_by),
            "denied_by": actor(self.denied_by),
            "location": self.location.to_dict() if self.location else None,
            "fatalities": self.fatalities,
            "injuries": self.injuries,
            "fatalities_known": self.fatalities_known,
            "weapons": list(self.weapons),
            "evidence": {role: span.to_dict() for role, span in self.evidence.items()},
            "sources": list(self.sources),
            "confidence": round(self.confidence, 2),
            "notes": self.notes,
        }
