"""An event record as the columns of a row: what the queries filter on, copied out of it.

``actors`` and ``search`` are folded as rasd matches words (rasd.text.normalize.fold: case,
hamza and alef forms, ta marbuta, alef maqsura, diacritics, tatweel), so that a query folded
the same way finds them by plain substring. ``search`` holds the place's names, the actors'
names and words, the notes and the sentences of the document the evidence stands in.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from rasd.text.normalize import fold
from rasd.text.sentences import split_sentences

SEPARATOR = "\n"  # between the parts of a folded column: a query never matches across two


def folded(text: str) -> str:
    """A query or a stored text in the form the store compares them in."""
    return " ".join(fold(text).split())


def actor_words(record: dict) -> list[str]:
    """The names and words of the record's actors."""
    words = []
    for role in ("actor1", "actor2"):
        actor = record.get(role)
        actor = actor if isinstance(actor, dict) else {}
        words += [actor.get("name") or "", actor.get("text") or ""]
    return [w for w in words if w]


def evidence_sentences(record: dict, text: str) -> list[str]:
    """The sentences of ``text`` (the document's clean text) that hold the record's
    evidence."""
    spans: list[tuple[int, int]] = [
        (span["start"], span["end"])
        for span in (record.get("evidence") or {}).values()
        if isinstance(span, dict)
        and isinstance(span.get("start"), int)
        and isinstance(span.get("end"), int)
    ]
    if not spans or not text:
        return []
    return [
        sentence.text
        for sentence in split_sentences(text)
        if any(start < sentence.end and sentence.start < end for start, end in spans)
    ]


def search_text(record: dict, text: str = "") -> str:
    """The folded search column of a record given by a document of this ``text``."""
    location = record.get("location") or {}
    parts = [
        location.get("name"),
        location.get("name_ar"),
        location.get("text"),
        location.get("admin1"),
        location.get("admin2"),
        location.get("country"),
        *actor_words(record),
        record.get("notes"),
        *evidence_sentences(record, text),
    ]
    return SEPARATOR.join(folded(p) for p in parts if isinstance(p, str) and p.strip())


def joined(texts: Iterable[str]) -> str:
    """Folded columns of several reports as one, each part once."""
    parts: dict[str, None] = {}
    for text in texts:
        parts.update(dict.fromkeys(p for p in text.split(SEPARATOR) if p))
    return SEPARATOR.join(parts)


def record_columns(record: dict, search: str) -> dict[str, object]:
    """The columns of an events or happenings row (schema.EVENT_FIELDS) for a record."""
    location = record.get("location") or {}
    actor1, actor2 = record.get("actor1"), record.get("actor2")
    return {
        "event_type": record["event_type"],
        "sub_event_type": record["sub_event_type"],
        "date_from": record.get("date_from"),
        "date_to": record.get("date_to") or record.get("date_from"),
        "actor1": actor1["name"] if actor1 else None,
        "actor2": actor2["name"] if actor2 else None,
        "location": location.get("name"),
        "admin1": location.get("admin1"),
        "country": location.get("country"),
        "lat": location.get("lat"),
        "lon": location.get("lon"),
        "fatalities": record.get("fatalities") or 0,
        "actors": SEPARATOR.join(folded(w) for w in actor_words(record)),
        "search": search,
        "record": json.dumps(record, ensure_ascii=False),
    }
