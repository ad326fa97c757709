"""The whole extraction, from a page or a text to events: ingestion, mentions, events."""

from __future__ import annotations

import datetime as dt
from functools import cache

from rasd.annotate.mentions import Resources, find_mentions
from rasd.events.building import build_events
from rasd.io.export import Result
from rasd.io.ingest import document_from_html, document_from_text
from rasd.model import Document, Event


@cache
def default_resources() -> Resources:
    """Dictionaries and gazetteer, loaded on first use and shared afterwards."""
    return Resources.load()


def process(doc: Document, resources: Resources | None = None) -> Result:
    """Events of one ingested document."""
    resources = resources or default_resources()
    if doc.language not in ("ar", "en") or not doc.text.strip():
        return Result(doc, [])
    sentences = find_mentions(doc, resources)
    return Result(doc, build_events(doc, sentences, resources.actors))


def extract(
    text_or_html: str,
    published: dt.datetime | str | None = None,
    url: str | None = None,
    doc_id: str = "document",
) -> list[Event]:
    """Events in an article given as plain text or HTML.

    >>> events = extract("...", published="2024-01-15T15:45:00+03:00")
    """
    if isinstance(published, str):
        published = dt.datetime.fromisoformat(published)
    head = text_or_html.lstrip()[:200].lower()
    if head.startswith(("<!doctype", "<html")) or "<body" in text_or_html[:5000].lower():
        doc = document_from_html(text_or_html, doc_id=doc_id, url=url, published=published)
    else:
        doc = document_from_text(text_or_html, doc_id=doc_id, published=published, url=url)
    return process(doc).events
