"""An event as the analyst reads it: each source's text, with the evidence of the event's
fields in that text.

An event told by several sources is stored with one record, whose evidence spans point into
the text of the source it was first read from. For that source the spans are used as they
are; every other source is read again by extraction, and the event among its events that is
the same happening (rasd.desk.dedup) gives that source's own evidence. Failing that, the
record's evidence words are looked for in the text.
"""

from __future__ import annotations

import datetime as dt

from rasd.desk.dedup import same_happening
from rasd.io.store import SourceRef
from rasd.model import Document
from rasd.serve.extraction import extract
from rasd.serve.schemas import Dispute, Evidence, Report, Version


def _spans(record: dict) -> list[tuple[str, int, str]]:
    """(role, start, words) of the record's evidence."""
    found = []
    for role, span in (record.get("evidence") or {}).items():
        if isinstance(span, dict) and span.get("text") and isinstance(span.get("start"), int):
            found.append((role, int(span["start"]), str(span["text"])))
    return found


def _evidence(spans: list[tuple[str, int, str]]) -> list[Evidence]:
    return sorted(
        (Evidence(role=r, start=s, end=s + len(words), text=words) for r, s, words in spans),
        key=lambda e: (e.start, e.end),
    )


def evidence_at(text: str, record: dict) -> list[Evidence] | None:
    """The record's evidence, if every span is at its place in ``text``; else None."""
    spans = _spans(record)
    if spans and all(text[start : start + len(words)] == words for _, start, words in spans):
        return _evidence(spans)
    return None


def evidence_by_words(text: str, record: dict) -> list[Evidence]:
    """The record's evidence words found in ``text``, wherever they are."""
    found = [(role, text.find(words), words) for role, _, words in _spans(record)]
    return _evidence([span for span in found if span[1] >= 0])


def own_record(document: Document, published: str | None, record: dict) -> dict | None:
    """The record of this event as extraction reads it in this source, or None."""
    if published:
        try:
            document.published = dt.datetime.fromisoformat(published)
        except ValueError:
            pass
    records = [event.to_dict() for event in extract(document).events]
    return next((r for r in records if same_happening(record, r)), None) or next(
        (r for r in records if r["event_type"] == record["event_type"]), None
    )


def source_evidence(document: Document, source: SourceRef, record: dict) -> list[Evidence]:
    """Where this source says what the event's record says."""
    found = evidence_at(document.text, record)
    if found is not None:
        return found
    own = own_record(document, source.published, record)
    if own is not None and (found := evidence_at(document.text, own)) is not None:
        return found
    return evidence_by_words(document.text, record)


def report(source: SourceRef, document: Document | None, record: dict) -> Report:
    """A source with its text (empty if the store no longer holds it) and evidence."""
    return Report(
        identity=source.identity,
        doc_id=source.doc_id,
        url=source.url,
        outlet=source.outlet,
        title=source.title,
        published=source.published,
        language=document.language if document else "other",
        text=document.text if document else "",
        evidence=source_evidence(document, source, record) if document else [],
    )


def disputes(disputed: dict) -> list[Dispute]:
    """What the sources disagree on, each source's version (as the store keeps them:
    field -> [[identity, value]])."""
    return [
        Dispute(
            field=str(name),
            versions=[Version(identity=str(pair[0]), value=pair[1]) for pair in versions],
        )
        for name, versions in disputed.items()
        if isinstance(versions, list)
    ]
