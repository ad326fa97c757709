"""An event as the analyst reads it: each source's text, with the evidence of the event's
fields found in it.

The stored record's evidence spans are offsets into the text of the document the record was
read from; the other sources of the same event say it in their own words at their own
places, so a span is looked for by its words in each text (at its own offsets first).
"""

from __future__ import annotations

from rasd.io.store import SourceRef
from rasd.model import Document
from rasd.serve.schemas import Evidence, Report


def evidence_in(text: str, record: dict) -> list[Evidence]:
    """The record's evidence spans found in ``text``, in reading order."""
    found: list[Evidence] = []
    spans = record.get("evidence") or {}
    for role, span in spans.items():
        if not isinstance(span, dict):
            continue
        words = str(span.get("text") or "")
        start = span.get("start")
        if not words:
            continue
        if isinstance(start, int) and text[start : start + len(words)] == words:
            at = start
        else:
            at = text.find(words)
        if at >= 0:
            found.append(Evidence(role=role, start=at, end=at + len(words), text=words))
    return sorted(found, key=lambda e: (e.start, e.end))


def report(source: SourceRef, document: Document | None, record: dict) -> Report:
    """A source with its text (empty if the store no longer holds it) and evidence."""
    text = document.text if document else ""
    return Report(
        identity=source.identity,
        doc_id=source.doc_id,
        url=source.url,
        outlet=source.outlet,
        title=source.title,
        published=source.published,
        language=document.language if document else "other",
        text=text,
        evidence=evidence_in(text, record),
    )
