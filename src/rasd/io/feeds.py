"""RSS and Atom feeds: each entry a Document.

A feed is read from a file (told by its extension, .rss/.atom, or by content: ``<rss``,
``<feed`` or ``<rdf:RDF`` near the start) or fetched from an ``http(s)://`` URL, within a time
and a size limit. feedparser parses it; an entry's link is the document's URL (and so its
identity), its title the headline, its publication (or update) time the document's, and its
content (else its summary) HTML is read by the page reader (rasd.io.pages) with the title as
its heading. An entry with neither link nor text is left out; a feed that is not one, or
cannot be fetched, is one IngestError naming it.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import html
import re
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rasd.io.errors import MAX_BYTES, IngestError
from rasd.io.identity import identity_key
from rasd.io.pages import document_from_html
from rasd.model import Document

FEED_SUFFIXES = (".rss", ".atom")
FETCH_SECONDS = 30  # the time limit of fetching a feed
FETCH_BYTES = MAX_BYTES  # the size limit of a fetched feed
_FEED_START = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_SNIFFED_BYTES = 2048


def is_url(name: str) -> bool:
    return name.lower().startswith(("http://", "https://"))


def looks_like_feed(path: Path) -> bool:
    """Whether a file is a feed: by its extension, or an .xml file (or one of no known kind)
    whose first bytes open an RSS, Atom or RDF document."""
    if path.suffix.lower() in FEED_SUFFIXES:
        return True
    if path.suffix.lower() not in ("", ".xml"):
        return False
    try:
        with path.open("rb") as fh:
            head = fh.read(_SNIFFED_BYTES)
    except OSError:
        return False
    return _FEED_START.search(head) is not None


def fetch(url: str) -> bytes:
    """The body at ``url``, within FETCH_SECONDS and FETCH_BYTES; an IngestError if not."""
    request = urllib.request.Request(url, headers={"User-Agent": "rasd (feed reader)"})
    try:
        with urllib.request.urlopen(request, timeout=FETCH_SECONDS) as response:
            body = response.read(FETCH_BYTES + 1)
    except urllib.error.HTTPError as err:
        raise IngestError(url, f"cannot fetch (HTTP {err.code} {err.reason})") from None
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as err:
        why = getattr(err, "reason", None) or err
        raise IngestError(url, f"cannot fetch ({why})") from None
    if len(body) > FETCH_BYTES:
        raise IngestError(url, f"larger than the {FETCH_BYTES // 1_000_000} MB limit")
    return body


def _published(entry: Any) -> dt.datetime | None:
    """The entry's publication (else update) time, with its offset where the feed gives
    one."""
    for key in ("published", "updated"):
        raw = entry.get(key)
        if not raw:
            continue
        for parse in (email.utils.parsedate_to_datetime, dt.datetime.fromisoformat):
            try:
                when = parse(raw)
            except (TypeError, ValueError, IndexError):
                continue
            return when if when.tzinfo else when.replace(tzinfo=dt.UTC)
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return dt.datetime.fromtimestamp(time.mktime(parsed) - time.timezone, dt.UTC)
    return None


def _body(entry: Any) -> str:
    """The entry's content (its longest HTML or text part), else its summary."""
    parts = [c.get("value", "") for c in entry.get("content") or [] if c.get("value")]
    return max(parts, key=len) if parts else entry.get("summary", "") or ""


def entry_document(entry: Any, outlet: str | None, source: str) -> Document | None:
    """The Document of a feed entry, or None for one with neither a link nor any text."""
    link = (entry.get("link") or "").strip() or None
    title = " ".join((entry.get("title") or "").split()) or None
    body = _body(entry)
    if not link and not body.strip() and not title:
        return None
    heading = f"<h1>{html.escape(title)}</h1>" if title else ""
    page = f"<html><body><article>{heading}{body}</article></body></html>"
    name = identity_key(link or f"{source}:{title}:{body}")
    document = document_from_html(page, name, url=link, published=_published(entry))
    if title:
        document.title = title
    document.outlet = document.outlet or outlet
    document.source = source
    return document


def read_feed_bytes(data: bytes, source: str) -> Iterator[Document]:
    """The documents of a feed's bytes; an IngestError when they are not a feed."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.get("version") and not parsed.entries:
        why = parsed.get("bozo_exception") or "no RSS or Atom feed in it"
        raise IngestError(source, f"not a feed ({why})")
    outlet = (parsed.feed.get("title") or "").strip() or None
    for number, entry in enumerate(parsed.entries, start=1):
        document = entry_document(entry, outlet, f"{source}:{number}")
        if document is not None:
            yield document


def read_feed_file(path: Path) -> Iterator[Document]:
    """The documents of a feed file."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise IngestError(str(path), f"cannot read ({err.strerror or err})") from None
    yield from read_feed_bytes(data, str(path))


def read_url(url: str) -> Iterator[Document]:
    """The documents at a URL: a feed's entries, else the page itself."""
    data = fetch(url)
    if _FEED_START.search(data[:_SNIFFED_BYTES]):
        yield from read_feed_bytes(data, url)
        return
    document = document_from_html(data, identity_key(url), url=url)
    document.source = url
    yield document
