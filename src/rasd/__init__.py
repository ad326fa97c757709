"""rasd: conflict event data from Arabic and English news."""

import datetime as dt

from rasd.model import Actor, DateRange, Document, Event, Location, Span

__version__ = "0.1.0"
__all__ = ["Actor", "DateRange", "Document", "Event", "Location", "Span", "extract"]


def extract(
    text_or_html: str,
    published: dt.datetime | dt.date | str | None = None,
    url: str | None = None,
    doc_id: str = "document",
) -> list[Event]:
    """Events in an article given as plain text or HTML; ``published`` is a datetime, a date
    or an ISO 8601 string (see rasd.pipeline.extract)."""
    from rasd.pipeline import extract as _extract

    return _extract(text_or_html, published=published, url=url, doc_id=doc_id)
